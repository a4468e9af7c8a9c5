using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Accounts.SignIn;

public sealed class SignedOutModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public bool TimedOut => Reason == "timeout";

    public void OnGet()
    {
    }
}
