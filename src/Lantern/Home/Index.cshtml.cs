using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Home;

/// <summary>The home page: who you are, where, and what your roles let you do here.</summary>
public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<RoleInfo> YourRoles { get; private set; } = [];

    public void OnGet()
    {
        Name = User.GetDisplayName();
        var held = User.GetRoles().ToHashSet();
        YourRoles = Roles.All.Where(r => held.Contains(r.Name)).ToList();
    }
}
