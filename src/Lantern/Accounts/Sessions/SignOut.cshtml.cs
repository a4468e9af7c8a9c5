using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Accounts.Sessions;

/// <summary>Signing out deletes the session on the server, not only the cookie.</summary>
public sealed class SignOutModel(SignInManager<LanternUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/signed-out");
    }
}
