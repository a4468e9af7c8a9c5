using System.Security.Claims;

namespace Lantern.Shared;

public sealed record NavigationItem(string Text, string Href, Func<ClaimsPrincipal, bool> IsFor)
{
    public bool IsCurrent(PathString path) =>
        Href == "/" ? path == "/" : path.StartsWithSegments(Href, StringComparison.OrdinalIgnoreCase);
}
