using System.Collections.Frozen;
using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Passwords;

/// <summary>
/// Rejects passwords found in a list of common passwords shipped with the app, instead of composition
/// rules (NIST SP 800-63B 3.1.1.2; OWASP ASVS 6.2.4).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<LanternUser>
{
    public const string Code = "CommonPassword";

    private readonly FrozenSet<string> _common;

    public CommonPasswordValidator(CommonPasswordList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        _common = list.Passwords;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<LanternUser> manager, LanternUser user, string? password)
    {
        if (password is not null && _common.Contains(password.Trim().ToLowerInvariant()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is too common and easy to guess. Choose a different one, such as three or four random words together.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
