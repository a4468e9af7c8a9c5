using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lantern.Accounts.Mfa;

/// <summary>
/// Two-step verification: set up an authenticator app (first sign-in of a case role), or, when one is
/// set up already but this session has not used it, enter a code from it.
/// </summary>
[EnableRateLimiting(AccountServices.SignInRateLimit)]
public sealed class TwoStepModel(
    UserManager<LanternUser> users,
    SignInManager<LanternUser> signIn,
    MfaEnrolment enrolment,
    IAuditTrail audit,
    LanternDbContext db,
    IOptions<LanternOptions> lantern) : PageModel
{
    [BindProperty]
    public TwoStepInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AlreadyEnrolled { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (User.PassedMultiFactor())
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        if (!await enrolment.VerifyAsync(user, Input.Code))
        {
            await audit.RecordAsync(
                db,
                new AuditEvent(user.OrganisationId, user.Id, AuditActions.TwoStepFailed, [AuditActions.Person(user.Id)], user.TwoFactorEnabled ? "Wrong authenticator code" : "Wrong code while setting up an authenticator"),
                HttpContext.RequestAborted);
            ModelState.AddModelError("Input.Code", "The code is not right. Enter the 6-digit code your authenticator app shows now. Check the time on your phone is set automatically.");
            await LoadAsync(user);
            return Page();
        }

        var wasEnrolled = user.TwoFactorEnabled;
        IReadOnlyList<string> codes = wasEnrolled ? [] : await enrolment.EnableAsync(user);

        await audit.RecordAsync(
            db,
            new AuditEvent(user.OrganisationId, user.Id, AuditActions.SignInSucceeded, [AuditActions.Person(user.Id)], wasEnrolled ? "With password and authenticator code" : "With password and a new authenticator"),
            HttpContext.RequestAborted);

        // A fresh session (the cookie handler replaces the stored one), carrying proof of the second factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(LanternClaims.AuthenticationMethod, LanternClaims.MultiFactor)]);

        if (wasEnrolled)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        RecoveryCodes = codes;
        return Page();
    }

    private async Task LoadAsync(LanternUser user)
    {
        AlreadyEnrolled = user.TwoFactorEnabled;
        if (AlreadyEnrolled)
        {
            return;
        }

        var key = await enrolment.GetOrCreateKeyAsync(user);
        FormattedKey = MfaEnrolment.FormatKey(key);
        QrCodeDataUri = MfaEnrolment.QrCodeDataUri(MfaEnrolment.AuthenticatorUri(lantern.Value.SiteName, user.Email ?? user.UserName ?? "account", key));
    }

    public sealed class TwoStepInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(20, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = string.Empty;
    }
}
