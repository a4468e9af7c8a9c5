using Lantern.Concerns.Recording;
using Lantern.Screening.Catalogue;

namespace Lantern.Tests.Concerns;

public sealed class ConcernDraftCheckTests
{
    private static readonly CatalogueContent Retiring = CatalogueContent.Default with
    {
        Indicators = CatalogueContent.Default.Indicators.Select(i => i.Id == "secretive" ? i with { Retired = true } : i).ToList(),
    };

    [Fact]
    public void No_signs_ticked_needs_no_catalogue()
    {
        Assert.Null(ConcernDraftCheck.IndicatorProblem(new ConcernDraftContent(), null));
    }

    [Fact]
    public void Signs_in_use_in_the_version_are_accepted()
    {
        Assert.Null(ConcernDraftCheck.IndicatorProblem(new ConcernDraftContent { IndicatorIds = ["hidden-phone", "disclosure"] }, CatalogueContent.Default));
    }

    [Theory]
    [InlineData("made-up")]
    [InlineData("secretive")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE \"Concerns\"; --")]
    [InlineData("")]
    public void A_sign_not_in_use_in_the_version_is_refused(string id)
    {
        var problem = ConcernDraftCheck.IndicatorProblem(new ConcernDraftContent { IndicatorIds = ["hidden-phone", id] }, Retiring);

        Assert.Equal("Choose the signs you noticed from the list of warning signs. Something you sent is not in it.", problem);
    }

    [Fact]
    public void Signs_from_a_version_the_organisation_does_not_have_are_refused()
    {
        var problem = ConcernDraftCheck.IndicatorProblem(new ConcernDraftContent { IndicatorIds = ["hidden-phone"], CatalogueVersion = "99" }, null);

        Assert.Equal("The list of warning signs you chose from is not your organisation's. Tick the signs you noticed again.", problem);
    }
}
