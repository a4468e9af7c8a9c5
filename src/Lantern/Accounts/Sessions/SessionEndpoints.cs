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

            var secondsLeft = SessionClock.Of(context)?.SecondsLeft(clock.GetUtcNow()) ?? 0;
            return Results.Json(new { secondsLeft });
        })
        .RequireAuthorization()
        .DisableAntiforgery();
}
