using System.ComponentModel.DataAnnotations;
using Lantern.Accounts.Mfa;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Accounts.SignIn;

/// <summary>The second step of signing in: a code from the person's authenticator app.</summary>
[EnableRateLimiting(AccountServices.SignInRateLimit)]
public sealed class CodeModel(SignInManager<LanternUser> signIn, IAuditTrail audit, LanternDbContext db) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Accounts/SignIn/SignIn");
        }

        return Page();
    }

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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(MfaEnrolment.NormaliseCode(Input.Code), isPersistent: false, rememberClient: false);
        await audit.RecordAsync(
            db,
            new AuditEvent(
                person.OrganisationId,
                person.Id,
                result.Succeeded ? AuditActions.SignInSucceeded : AuditActions.TwoStepFailed,
                [AuditActions.Person(person.Id)],
                result.Succeeded ? "With password and authenticator code" : result.IsLockedOut ? "Locked out" : "Wrong authenticator code"),
            HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "Too many wrong codes. Signing in to this account is paused for 15 minutes."
            : "The code is not right. Enter the 6-digit code your authenticator app shows now.");
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(20, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = string.Empty;
    }
}
