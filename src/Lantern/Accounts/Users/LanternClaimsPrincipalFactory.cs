using System.Security.Claims;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Accounts.Users;

public sealed class LanternClaimsPrincipalFactory(
    UserManager<LanternUser> userManager,
    RoleManager<LanternRole> roleManager,
    LanternDbContext db,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LanternUser, LanternRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LanternClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(LanternClaims.DisplayName, user.DisplayName));
        var organisationName = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync();
        identity.AddClaim(new Claim(LanternClaims.OrganisationName, organisationName));
        return identity;
    }
}
