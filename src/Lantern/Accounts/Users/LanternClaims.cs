using System.Security.Claims;

namespace Lantern.Accounts.Users;

/// <summary>The claims Lantern adds to a signed-in person, and how pages read them.</summary>
public static class LanternClaims
{
    public const string OrganisationId = "lantern:org";
    public const string OrganisationName = "lantern:org-name";
    public const string DisplayName = "lantern:name";

    /// <summary>Identity marks a sign-in that passed a second factor with amr=mfa.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    public static Guid GetOrganisationId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirstValue(OrganisationId) ?? throw new InvalidOperationException("The signed-in person has no organisation."));
    }

    public static Guid GetUserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in."));
    }

    public static string GetDisplayName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;
    }

    public static bool PassedMultiFactor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(AuthenticationMethod, MultiFactor);
    }

    public static IEnumerable<string> GetRoles(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ClaimTypes.Role).Select(c => c.Value);
    }
}
