using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Users;

/// <summary>Only people who have accepted their invitation and are not disabled may sign in.</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<LanternUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<LanternUser> manager, LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(!user.IsDisabled && user.ActivatedAt is not null);
    }
}
