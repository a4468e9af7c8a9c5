using Microsoft.AspNetCore.Antiforgery;

namespace Lantern.Accounts.Sessions;

public static class SessionEndpoints
{
    /// <summary>"Stay signed in" from the idle-timeout warning: the request itself renews the session.</summary>
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/session/extend", async (HttpContext context, IAntiforgery antiforgery, TimeProvider clock) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var session = context.Items[SessionClock.ItemKey] as SessionClock;
            var secondsLeft = session is null ? 0 : Math.Max(0, (int)Math.Round((session.ExpiresAt - clock.GetUtcNow()).TotalSeconds));
            return Results.Json(new { secondsLeft });
        })
        .RequireAuthorization()
        .DisableAntiforgery();
}
