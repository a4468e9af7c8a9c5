using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Passwords;

/// <summary>Identity has a minimum length but no maximum; very long passwords make hashing a denial of service.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<LanternUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<LanternUser> manager, LanternUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaximumLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {PasswordRules.MaximumLength} characters or fewer.",
            })
            : IdentityResult.Success);
}
