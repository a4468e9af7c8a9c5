using System.Security.Claims;
using Lantern.Accounts.Users;

namespace Lantern.Shared;

/// <summary>The service navigation: each item shows only to the roles it serves.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> Items { get; } =
    [
        new("Home", "/", _ => true),
        new("Learn", "/learn", _ => true),
        new("My training", "/my-training", _ => true),
        new("Training matrix", "/training", u => u.IsInRole(Roles.TrainingManager)),
        new("Concerns waiting", "/concerns", u => u.IsInRole(Roles.Dsl) || u.IsInRole(Roles.DeputyDsl) || u.IsInRole(Roles.OrganisationAdmin)),
        new("People", "/admin/people", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Locations", "/admin/locations", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Audit log", "/admin/audit", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Safeguarding settings", "/admin/safeguarding", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Learning statements", "/admin/xapi", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Your account", "/account", _ => true),
    ];

    /// <summary>What a visitor may open: the public courses, and signing in.</summary>
    public static IReadOnlyList<NavigationItem> VisitorItems { get; } =
    [
        new("Courses", "/learn", _ => true),
        new("Sign in", "/sign-in", _ => true),
    ];

    /// <summary>Someone signed in but not yet through two-step verification gets no menu: nothing opens until they are.</summary>
    public static IEnumerable<NavigationItem> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return VisitorItems;
        }

        return !Roles.RequireMfa(user.GetRoles()) || user.PassedMultiFactor() ? Items.Where(i => i.IsFor(user)) : [];
    }
}
