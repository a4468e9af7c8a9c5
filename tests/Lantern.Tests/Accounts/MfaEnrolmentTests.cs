using Lantern.Accounts.Mfa;

namespace Lantern.Tests.Accounts;

public sealed class MfaEnrolmentTests
{
    [Fact]
    public void The_key_is_shown_in_lowercase_groups_of_four_to_be_typed_by_hand() =>
        Assert.Equal("abcd efgh ijkl mnop qr", MfaEnrolment.FormatKey("ABCDEFGHIJKLMNOPQR"));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Codes_typed_with_spaces_or_dashes_are_accepted(string? typed, string expected) =>
        Assert.Equal(expected, MfaEnrolment.NormaliseCode(typed));

    [Fact]
    public void The_authenticator_link_names_the_issuer_and_the_account()
    {
        var uri = MfaEnrolment.AuthenticatorUri("Lantern", "dsl@riverside.example", "ABCDEFGH");

        Assert.Equal("otpauth://totp/Lantern:dsl%40riverside.example?secret=ABCDEFGH&issuer=Lantern&digits=6", uri.AbsoluteUri);
    }

    [Fact]
    public void The_QR_code_is_a_png_data_uri_so_the_content_security_policy_allows_it()
    {
        var dataUri = MfaEnrolment.QrCodeDataUri(new Uri("otpauth://totp/Lantern:a?secret=ABCDEFGH"));

        Assert.StartsWith("data:image/png;base64,", dataUri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(dataUri["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
