using System.ComponentModel.DataAnnotations;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.SignIn;

/// <summary>
/// The link in an invitation: the person creates their password and their account becomes active. The
/// token is Identity's password-reset token, checked again when the form is sent; it goes back in the
/// form body, not the address, so it is not left in logs.
/// </summary>
[EnableRateLimiting(AccountServices.SignInRateLimit)]
public sealed class AcceptInvitationModel(UserManager<LanternUser> users, LanternDbContext db, TimeProvider clock) : PageModel
{
    public const string PasswordHint =
        "Use 8 to 128 characters. A few random words together make a strong password that is easy to remember. Very common passwords are not allowed.";

    public const string SignedInNotice = "Your password is set. Sign in with it now.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public bool LinkNotRight { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string Organisation { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await FindInvitedAsync();
        if (person is null || !await users.VerifyUserTokenAsync(
                person, users.Options.Tokens.PasswordResetTokenProvider, UserManager<LanternUser>.ResetPasswordTokenPurpose, Token!))
        {
            return NotRight();
        }

        await ShowAsync(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await FindInvitedAsync();
        if (person is null)
        {
            return NotRight();
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(person);
            return Page();
        }

        // Saved by the same update as the password, so a person is never half activated.
        person.ActivatedAt = clock.GetUtcNow();
        var result = await users.ResetPasswordAsync(person, Token!, Input.Password);
        if (result.Succeeded)
        {
            TempData["SignInNotice"] = SignedInNotice;
            return Redirect("/sign-in");
        }

        person.ActivatedAt = null;
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return NotRight();
        }

        ModelState.AddModelError("Input.Password", string.Join(" ", result.Errors.Select(e => e.Description)));
        await ShowAsync(person);
        return Page();
    }

    /// <summary>Someone who is still invited: not yet active, not disabled. Anyone else's link is not right.</summary>
    private async Task<LanternUser?> FindInvitedAsync()
    {
        if (!Guid.TryParse(PersonId, out var id) || string.IsNullOrEmpty(Token))
        {
            return null;
        }

        var person = await users.FindByIdAsync(id.ToString());
        return person is { ActivatedAt: null, DisabledAt: null } ? person : null;
    }

    private async Task ShowAsync(LanternUser person)
    {
        Email = person.Email ?? string.Empty;
        Organisation = await db.Organisations.Where(o => o.Id == person.OrganisationId).Select(o => o.Name).SingleAsync(HttpContext.RequestAborted);
    }

    /// <summary>One answer for an unknown person, a used or old link and a disabled account: none reveals which.</summary>
    private PageResult NotRight()
    {
        LinkNotRight = true;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public sealed class AcceptInput
    {
        [Required(ErrorMessage = "Create a password")]
        public string Password { get; set; } = string.Empty;
    }
}
