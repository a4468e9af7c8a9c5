using System.ComponentModel.DataAnnotations;
using Lantern.Accounts.Invitations;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Lantern.Accounts.Admin;

/// <summary>
/// Inviting a person: their account, roles and locations are saved together or not at all, then the
/// invitation goes by e-mail. They choose their own password from the link.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class NewPersonModel(
    LanternDbContext db,
    UserManager<LanternUser> users,
    Invitation invitation,
    IAuditTrail audit,
    TimeProvider clock) : PageModel
{
    public const string EmailInUseMessage = "A person with this e-mail address already has an account";
    public const string EmailFormatMessage = "Enter an e-mail address in the correct format, like name@example.com";

    [BindProperty]
    public NewPersonInput Input { get; set; } = new();

    [TempData(Key = PersonModel.NoticeKey)]
    public string? Notice { get; set; }

    public IReadOnlyList<CheckboxItem> RoleChoices => PersonAccess.RoleChoices;

    public IReadOnlyList<CheckboxItem> LocationChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Everyone who uses Lantern takes training, so most people start as learners.
        Input.Roles = [Roles.Learner];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        await LoadAsync(cancellationToken);

        var name = Input.Name?.Trim() ?? string.Empty;
        var email = Input.Email?.Trim() ?? string.Empty;
        if (email.Length > 0 && ModelState.GetFieldValidationState("Input.Email") != ModelValidationState.Invalid)
        {
            if (!IsEmailAddress(email))
            {
                ModelState.AddModelError("Input.Email", EmailFormatMessage);
            }
            else if (await users.FindByEmailAsync(email) is not null)
            {
                ModelState.AddModelError("Input.Email", EmailInUseMessage);
            }
        }

        var access = PersonAccess.Read(Input.Roles, Input.Locations, LocationChoices, ModelState, "Input.Roles", "Input.Locations");
        if (!ModelState.IsValid || access is null)
        {
            return Page();
        }

        var person = new LanternUser
        {
            OrganisationId = org,
            DisplayName = name,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow(),
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(person);
                if (result.Succeeded)
                {
                    result = await access.ApplyAsync(person, users, db, cancellationToken);
                }
            }
            catch (DbUpdateException)
            {
                // Two admins inviting the same address at once: the unique index stops the second.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (await users.FindByEmailAsync(email) is null)
                {
                    throw;
                }

                ModelState.AddModelError("Input.Email", EmailInUseMessage);
                return Page();
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                AddErrors(result);
                return Page();
            }

            await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), AuditActions.PersonInvited, [AuditActions.Person(person.Id)], access.Describe()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var sent = await invitation.SendAsync(person, User.GetDisplayName(), cancellationToken);
        Notice = sent ? PersonModel.InvitationSent : PersonModel.InvitationNotSent;
        return Redirect($"/admin/people/{person.Id}");
    }

    /// <summary>One address as MimeKit, which sends our mail, reads it, with a dot in the domain.</summary>
    private static bool IsEmailAddress(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0
            && MailboxAddress.TryParse(email, out var mailbox)
            && mailbox.Address == email
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace)
            && !email.Contains('[', StringComparison.Ordinal);
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var (key, message) = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => ("Input.Email", EmailInUseMessage),
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                    ("Input.Email", EmailFormatMessage),
                _ => (string.Empty, "The person could not be saved. Check the details and try again."),
            };
            if (ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        LocationChoices = await PersonAccess.LocationChoicesAsync(db, User.GetOrganisationId(), personId: null, cancellationToken);

    public sealed class NewPersonInput
    {
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter their e-mail address")]
        [StringLength(256, ErrorMessage = "E-mail address must be 256 characters or fewer")]
        public string Email { get; set; } = string.Empty;

        public string[] Roles { get; set; } = [];

        public string[] Locations { get; set; } = [];
    }
}
