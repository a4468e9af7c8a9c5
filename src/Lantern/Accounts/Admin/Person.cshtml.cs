using System.Security.Claims;
using Lantern.Accounts.Invitations;
using Lantern.Accounts.Sessions;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Admin;

/// <summary>
/// One person, as their organisation's admin manages them: roles and locations, the invitation, two-step
/// verification, and disabling the account. The person is always found by organisation and id together,
/// so an id from another organisation is simply not found.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class PersonModel(
    LanternDbContext db,
    UserManager<LanternUser> users,
    SignInManager<LanternUser> signIn,
    Invitation invitation,
    IAuditTrail audit,
    TimeProvider clock) : PageModel
{
    /// <summary>TempData holds only which thing happened; the page words it from the person's record.</summary>
    public const string NoticeKey = "PersonNotice";
    public const string InvitationSent = "invitation-sent";
    public const string InvitationNotSent = "invitation-not-sent";
    public const string AccessSaved = "access-saved";
    public const string TwoStepReset = "two-step-reset";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";

    private const string ConflictMessage = "Someone else changed this person at the same time. Check their details and try again.";

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    [BindProperty]
    public AccessInput Access { get; set; } = new();

    public LanternUser Person { get; private set; } = null!;

    public PersonStatus Status { get; private set; } = PersonStatus.Invited;

    public bool IsYou { get; private set; }

    public IReadOnlyList<string> RoleTitles { get; private set; } = [];

    public IReadOnlyList<string> LocationNames { get; private set; } = [];

    public IReadOnlyList<CheckboxItem> RoleChoices => PersonAccess.RoleChoices;

    public IReadOnlyList<CheckboxItem> LocationChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        await LoadAsync(person, fillAccess: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        var offered = await PersonAccess.LocationChoicesAsync(db, person.OrganisationId, person.Id, cancellationToken);
        var access = PersonAccess.Read(Access.Roles, Access.Locations, offered, ModelState, "Access.Roles", "Access.Locations");
        if (access is not null && IsSelf(person) && !access.Roles.Contains(Roles.OrganisationAdmin))
        {
            ModelState.AddModelError("Access.Roles", "You cannot remove your own Organisation admin role. Ask another admin to do it.");
        }

        if (!ModelState.IsValid || access is null)
        {
            await LoadAsync(person, fillAccess: false, cancellationToken);
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var result = await access.ApplyAsync(person, users, db, cancellationToken);

            // A new security stamp makes the person sign in again within a minute, with their new roles.
            // Someone still invited has no session, and a new stamp would kill their invitation link.
            if (result.Succeeded && person.ActivatedAt is not null)
            {
                result = await users.UpdateSecurityStampAsync(person);
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await ConflictAsync(id, fillAccess: false, cancellationToken);
            }

            await audit.AppendAsync(Event(AuditActions.AccessChanged, person, access.Describe()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (IsSelf(person))
        {
            // The admin changed their own roles: renew this session's ticket now (new roles, new stamp)
            // rather than be signed out in a minute. No SignOutAsync first: it would delete the session.
            await signIn.SignInWithClaimsAsync(person, isPersistent: false, MfaClaims());
        }

        Notice = AccessSaved;
        return Redirect(PersonPath(person));
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        if (person.ActivatedAt is not null || person.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, person.IsDisabled
                ? "This account is disabled. Enable it before you send a new invitation."
                : "This person has already accepted their invitation.");
            await LoadAsync(person, fillAccess: true, cancellationToken);
            return Page();
        }

        // Only the newest invitation should work: a new security stamp ends the links sent before.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var result = await users.UpdateSecurityStampAsync(person);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await ConflictAsync(id, fillAccess: true, cancellationToken);
            }

            await audit.AppendAsync(Event(AuditActions.InvitationResent, person), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var sent = await invitation.SendAsync(person, User.GetDisplayName(), cancellationToken);
        Notice = sent ? InvitationSent : InvitationNotSent;
        return Redirect(PersonPath(person));
    }

    public async Task<IActionResult> OnPostResetTwoStepAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        var reset = await ChangeAndEndSessionsAsync(person, Event(AuditActions.TwoStepReset, person), async () =>
        {
            var result = await users.SetTwoFactorEnabledAsync(person, false);
            if (result.Succeeded)
            {
                // A new key (and with it a new security stamp), and no recovery codes: they enrol again.
                result = await users.ResetAuthenticatorKeyAsync(person);
            }

            return result.Succeeded && await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 0) is null ? IdentityResult.Failed() : result;
        }, cancellationToken);
        if (!reset)
        {
            return await ConflictAsync(id, fillAccess: true, cancellationToken);
        }

        Notice = TwoStepReset;
        return Redirect(PersonPath(person));
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        if (IsSelf(person))
        {
            ModelState.AddModelError(string.Empty, "You cannot disable your own account. Ask another admin to do it.");
            await LoadAsync(person, fillAccess: true, cancellationToken);
            return Page();
        }

        // Every session ends at once, on whichever node it is used next.
        if (!person.IsDisabled && !await ChangeAndEndSessionsAsync(person, Event(AuditActions.PersonDisabled, person), () =>
            {
                person.DisabledAt = clock.GetUtcNow();
                return users.UpdateSecurityStampAsync(person);
            }, cancellationToken))
        {
            return await ConflictAsync(id, fillAccess: true, cancellationToken);
        }

        Notice = Disabled;
        return Redirect(PersonPath(person));
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        if (person.IsDisabled)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            person.DisabledAt = null;
            await audit.AppendAsync(Event(AuditActions.PersonEnabled, person), cancellationToken);
            var result = await users.UpdateAsync(person);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await ConflictAsync(id, fillAccess: true, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Notice = Enabled;
        return Redirect(PersonPath(person));
    }

    private Task<LanternUser?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        return db.Users.Where(u => u.OrganisationId == org && u.Id == id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Their certificates, each with a link to revoke it.</summary>
    public IReadOnlyList<Lantern.Learning.Records.MyCertificate> Certificates { get; private set; } = [];

    private async Task LoadAsync(LanternUser person, bool fillAccess, CancellationToken cancellationToken)
    {
        Person = person;
        IsYou = IsSelf(person);
        Status = PersonStatus.Of(person.ActivatedAt, person.DisabledAt);

        var roles = await users.GetRolesAsync(person);
        RoleTitles = Roles.All.Where(r => roles.Contains(r.Name)).Select(r => r.Title).ToList();

        var held = await (
                from ul in db.UserLocations
                join l in db.Locations on ul.LocationId equals l.Id
                where ul.OrganisationId == person.OrganisationId && l.OrganisationId == person.OrganisationId && ul.UserId == person.Id
                orderby l.Name
                select new { l.Id, l.Name, l.Archived })
            .ToListAsync(cancellationToken);
        LocationNames = held.Select(l => l.Archived ? l.Name + " (archived)" : l.Name).ToList();
        LocationChoices = await PersonAccess.LocationChoicesAsync(db, person.OrganisationId, person.Id, cancellationToken);
        Certificates = await (
                from c in db.Certificates
                join d in db.Completions on c.CompletionId equals d.Id
                where c.OrganisationId == person.OrganisationId && d.OrganisationId == person.OrganisationId && c.UserId == person.Id
                orderby d.CompletedOn descending
                select new Lantern.Learning.Records.MyCertificate(c.Id, d.CourseTitle, d.CompletedOn, d.ValidUntil, c.RevokedAt != null))
            .ToListAsync(cancellationToken);

        if (fillAccess)
        {
            Access = new AccessInput
            {
                Roles = [.. roles],
                Locations = [.. held.Select(l => l.Id.ToString())],
            };
        }
    }

    /// <summary>Nothing was saved; show the person as they now are, with what went wrong.</summary>
    private async Task<IActionResult> ConflictAsync(Guid id, bool fillAccess, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var person = await FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, ConflictMessage);
        await LoadAsync(person, fillAccess, cancellationToken);
        return Page();
    }

    /// <summary>An Identity change, the end of the person's sessions and its audit entry, in one transaction: all or nothing.</summary>
    private async Task<bool> ChangeAndEndSessionsAsync(LanternUser person, AuditEvent entry, Func<Task<IdentityResult>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await change()).Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await db.EndSessionsAsync(person, except: null, cancellationToken);
        await audit.AppendAsync(entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private AuditEvent Event(string action, LanternUser person, string? detail = null) =>
        new(person.OrganisationId, User.GetUserId(), action, [AuditActions.Person(person.Id)], detail);

    private bool IsSelf(LanternUser person) => person.Id == User.GetUserId();

    private IEnumerable<Claim> MfaClaims() =>
        User.PassedMultiFactor() ? [new Claim(LanternClaims.AuthenticationMethod, LanternClaims.MultiFactor)] : [];

    private static string PersonPath(LanternUser person) => $"/admin/people/{person.Id}";

    public sealed class AccessInput
    {
        public string[] Roles { get; set; } = [];

        public string[] Locations { get; set; } = [];
    }
}
