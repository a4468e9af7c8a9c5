using Lantern.Accounts.Users;

namespace Lantern.Accounts.Mfa;

/// <summary>
/// A person whose roles can read safeguarding records or other people's data opens no page until
/// they have passed a second factor in this session; if they have none yet, they enrol first.
/// </summary>
public sealed class RequireMfaMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-step";

    private static readonly string[] AllowedPrefixes =
    [
        EnrolPath, "/sign-out", "/session/", "/error", "/health", "/accessibility", "/privacy", "/lib/", "/css/", "/js/", "/favicon",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && !user.PassedMultiFactor()
            && Roles.RequireMfa(user.GetRoles())
            && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
