using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Accounts.Sessions;

/// <summary>Signing out deletes the session on the server, not only the cookie.</summary>
public sealed class SignOutModel(SignInManager<LanternUser> signIn, IAuditTrail audit, LanternDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var id = User.GetUserId();
            await audit.RecordAsync(db, new AuditEvent(User.GetOrganisationId(), id, AuditActions.SignOut, [AuditActions.Person(id)]), HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Redirect("/signed-out");
    }
}
