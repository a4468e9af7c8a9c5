using System.Security.Claims;
using Lantern.Accounts.Users;

namespace Lantern.Concerns.Access;

/// <summary>What the access rules need to know of the person asking: who, where, and whether they handle concerns.</summary>
public sealed record ConcernViewer(Guid OrganisationId, Guid PersonId, bool IsSafeguardingLead, bool IsOrganisationAdmin)
{
    public static ConcernViewer Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ConcernViewer(
            user.GetOrganisationId(),
            user.GetUserId(),
            user.IsInRole(Roles.Dsl) || user.IsInRole(Roles.DeputyDsl),
            user.IsInRole(Roles.OrganisationAdmin));
    }
}
