using System.ComponentModel.DataAnnotations;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Accounts.SignIn;

[EnableRateLimiting(AccountServices.SignInRateLimit)]
public sealed class SignInModel(SignInManager<LanternUser> signIn, IAuditTrail audit, LanternDbContext db) : PageModel
{
    /// <summary>One message for an unknown account, a wrong password, a locked or disabled account: none reveals which.</summary>
    public const string FailedMessage = "Enter a correct e-mail address and password. After 5 wrong attempts, signing in to that account is paused for 15 minutes.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await signIn.UserManager.FindByNameAsync(Input.Email.Trim());
        var result = person is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(db, new AuditEvent(person!.OrganisationId, person.Id, AuditActions.SignInSucceeded, [AuditActions.Person(person.Id)], "With password"), HttpContext.RequestAborted);
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignIn/Code", new { returnUrl = Url.LocalOrHome(ReturnUrl) });
        }

        // An unknown address goes on the system chain, and is not kept: it may be someone's mistyped password.
        await audit.RecordAsync(
            db,
            person is null
                ? new AuditEvent(null, null, AuditActions.SignInFailed, [], "Unknown account")
                : new AuditEvent(person.OrganisationId, person.Id, AuditActions.SignInFailed, [AuditActions.Person(person.Id)], result.IsLockedOut ? "Locked out" : result.IsNotAllowed ? "Account not active" : "Wrong password"),
            HttpContext.RequestAborted);
        ModelState.AddModelError("Input.Email", FailedMessage);
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your e-mail address")]
        [StringLength(256, ErrorMessage = "E-mail address must be 256 characters or fewer")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(Passwords.PasswordRules.MaximumLength, ErrorMessage = "Password must be 128 characters or fewer")]
        public string Password { get; set; } = string.Empty;
    }
}
