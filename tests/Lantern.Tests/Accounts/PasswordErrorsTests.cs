using Lantern.Accounts.Passwords;

namespace Lantern.Tests.Accounts;

public sealed class PasswordErrorsTests
{
    [Fact]
    public void A_short_password_is_explained_in_plain_words_with_the_minimum() =>
        Assert.StartsWith("Password must be 8 characters or more.", new PasswordErrors().PasswordTooShort(8).Description, StringComparison.Ordinal);
}
