using Lantern.Accounts.Passwords;
using Lantern.Accounts.Users;

namespace Lantern.Tests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordList Shipped = CommonPasswordList.FromAppFolder();

    private static readonly LanternUser Someone = new() { DisplayName = "Someone" };

    [Fact]
    public void The_shipped_list_holds_thousands_of_passwords_of_eight_characters_or_more()
    {
        Assert.True(Shipped.Passwords.Count > 10_000, $"only {Shipped.Passwords.Count}");
        Assert.All(Shipped.Passwords, p => Assert.True(p.Length >= PasswordRules.MinimumLength, p));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("  QWERTYUIOP ")]
    [InlineData("iloveyou")]
    public async Task Common_passwords_are_refused_whatever_their_case(string password)
    {
        var result = await new CommonPasswordValidator(Shipped).ValidateAsync(null!, Someone, password);

        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator.Code, result.Errors.Single().Code);
    }

    [Theory]
    [InlineData("riverside-demo-2026")]
    [InlineData("kettle lantern orbit meadow")]
    [InlineData("ünïcødé-päss-wörd")]
    public async Task Uncommon_passwords_pass_with_no_composition_rules(string password)
    {
        var result = await new CommonPasswordValidator(Shipped).ValidateAsync(null!, Someone, password);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Passwords_over_128_characters_are_refused_so_hashing_cannot_be_abused()
    {
        var validator = new MaximumLengthPasswordValidator();

        Assert.True((await validator.ValidateAsync(null!, Someone, new string('a', 128))).Succeeded);
        Assert.False((await validator.ValidateAsync(null!, Someone, new string('a', 129))).Succeeded);
    }
}
