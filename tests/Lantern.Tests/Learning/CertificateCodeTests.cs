using Lantern.Learning.Certificates;

namespace Lantern.Tests.Learning;

public sealed class CertificateCodeTests
{
    [Fact]
    public void A_new_code_has_120_random_bits_in_six_groups_of_four()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CertificateCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(CertificateCode.Characters * 5 >= 80);
    }

    [Fact]
    public void A_typed_code_is_read_forgiving_case_spaces_hyphens_and_look_alike_letters()
    {
        var code = CertificateCode.New();

        Assert.Equal(code, CertificateCode.Normalise(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Equal(code, CertificateCode.Normalise(code.Replace("-", "", StringComparison.Ordinal)));
        Assert.Equal("0111-0000-0000-0000-0000-0000", CertificateCode.Normalise("OIL1-0000-0000-0000-0000-0000"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("' OR 1=1 --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ÅÄÖÅ-ÄÖÅÄ-ÖÅÄÖ-ÅÄÖÅ-ÄÖÅÄ-ÖÅÄÖ")]
    [InlineData("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")]
    public void Text_that_cannot_be_a_code_is_not_read(string? typed) =>
        Assert.Null(CertificateCode.Normalise(typed));
}
