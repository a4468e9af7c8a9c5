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

/// <summary>Signing in with one of the recovery codes shown at enrolment, when the phone is lost.</summary>
[EnableRateLimiting(AccountServices.SignInRateLimit)]
public sealed class RecoveryCodeModel(SignInManager<LanternUser> signIn, IAuditTrail audit, LanternDbContext db) : PageModel
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (person is null)
        {
            return RedirectToPage("/Accounts/SignIn/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        await audit.RecordAsync(
            db,
            new AuditEvent(
                person.OrganisationId,
                person.Id,
                result.Succeeded ? AuditActions.SignInSucceeded : AuditActions.TwoStepFailed,
                [AuditActions.Person(person.Id)],
                result.Succeeded ? "With password and recovery code" : result.IsLockedOut ? "Locked out" : "Wrong recovery code"),
            HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        ModelState.AddModelError("Input.Code", "That recovery code is not right or has been used. Each code works once.");
        return Page();
    }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Enter one of your recovery codes")]
        [StringLength(40, ErrorMessage = "A recovery code is 11 characters, like ab12c-de34f")]
        public string Code { get; set; } = string.Empty;
    }
}
