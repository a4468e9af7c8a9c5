using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Passwords;

/// <summary>Identity's password messages, said as a person would want to read them.</summary>
public sealed class PasswordErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Password must be {length} characters or more. A few random words together make a strong password that is easy to remember.",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "The password is not right",
    };
}
