using Lantern.Accounts.Mfa;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Profile;

/// <summary>The signed-in person's own account: who and where they are, and their sign-in settings.</summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class IndexModel(LanternDbContext db, UserManager<LanternUser> users) : PageModel
{
    public const string NoticeKey = "AccountNotice";

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Organisation { get; private set; } = string.Empty;

    public IReadOnlyList<string> RoleTitles { get; private set; } = [];

    public IReadOnlyList<string> LocationNames { get; private set; } = [];

    public bool TwoStepOn { get; private set; }

    /// <summary>Shown once, straight after they are made; never stored anywhere readable.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Challenge();

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !User.PassedMultiFactor())
        {
            ModelState.AddModelError(string.Empty, user.TwoFactorEnabled
                ? "Sign out, then sign in again with a code from your authenticator app, before you get new recovery codes."
                : "Two-step verification is not set up for your account, so there are no recovery codes.");
            return Page();
        }

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MfaEnrolment.RecoveryCodeCount))?.ToList() ?? [];
        if (RecoveryCodes.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "New recovery codes could not be made. Your old codes still work. Try again.");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var me = User.GetUserId();
        var person = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == org && u.Id == me)
            .Select(u => new { u.DisplayName, u.Email, u.TwoFactorEnabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        Name = person.DisplayName;
        Email = person.Email ?? string.Empty;
        TwoStepOn = person.TwoFactorEnabled;
        Organisation = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).SingleAsync(cancellationToken);

        var roleIds = await (
                from ur in db.UserRoles
                join u in db.Users on ur.UserId equals u.Id
                where u.OrganisationId == org && u.Id == me
                select ur.RoleId)
            .ToListAsync(cancellationToken);
        RoleTitles = Roles.All.Where(r => roleIds.Contains(r.Id)).Select(r => r.Title).ToList();

        LocationNames = await (
                from ul in db.UserLocations
                join l in db.Locations on ul.LocationId equals l.Id
                where ul.OrganisationId == org && l.OrganisationId == org && ul.UserId == me
                orderby l.Name
                select l.Name)
            .ToListAsync(cancellationToken);
        return true;
    }
}
