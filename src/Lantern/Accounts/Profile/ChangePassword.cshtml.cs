using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lantern.Accounts.Passwords;
using Lantern.Accounts.Sessions;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Accounts.Profile;

/// <summary>
/// Changing one's password ends every other session of that person at once; this one carries on with a
/// fresh ticket, keeping the proof of a second factor it already had.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class ChangePasswordModel(
    UserManager<LanternUser> users,
    SignInManager<LanternUser> signIn,
    LanternDbContext db) : PageModel
{
    public const string PasswordHint = Accounts.SignIn.AcceptInvitationModel.PasswordHint;

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData(Key = IndexModel.NoticeKey)]
    public string? Notice { get; set; }

    public void OnGet()
    {
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
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Too many wrong passwords. Wait 15 minutes, then try again.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // Counts towards lockout, as at sign-in: a borrowed session cannot guess its way to a new password.
                await users.AccessFailedAsync(user);
                ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right");
            }
            else if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                ModelState.AddModelError(string.Empty, "Your password was not changed. Try again.");
            }
            else
            {
                ModelState.AddModelError("Input.NewPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            return Page();
        }

        // ChangePasswordAsync has given the person a new security stamp, so a session this misses ends
        // within a minute. Signing in again renews this session's stored ticket under the same key:
        // SignOutAsync first would delete that key, and the renewal would then find nothing.
        await users.ResetAccessFailedCountAsync(user);
        await db.EndSessionsAsync(user, except: SessionClock.Of(HttpContext)?.SessionId, HttpContext.RequestAborted);
        Claim[] claims = User.PassedMultiFactor() ? [new Claim(LanternClaims.AuthenticationMethod, LanternClaims.MultiFactor)] : [];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);

        Notice = "Your password has been changed. Anywhere else you were signed in, you have been signed out.";
        return Redirect("/account");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = "Password must be 128 characters or fewer")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password")]
        public string NewPassword { get; set; } = string.Empty;
    }
}
