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
        new("Concerns waiting", "/concerns", u => u.IsInRole(Roles.Dsl) || u.IsInRole(Roles.DeputyDsl) || u.IsInRole(Roles.OrganisationAdmin)),
        new("People", "/admin/people", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Locations", "/admin/locations", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Audit log", "/admin/audit", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Safeguarding settings", "/admin/safeguarding", u => u.IsInRole(Roles.OrganisationAdmin)),
        new("Your account", "/account", _ => true),
    ];

    public static IEnumerable<NavigationItem> For(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (!Roles.RequireMfa(user.GetRoles()) || user.PassedMultiFactor())
            ? Items.Where(i => i.IsFor(user))
            : [];
}
