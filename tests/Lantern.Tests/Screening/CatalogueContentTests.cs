using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;

namespace Lantern.Tests.Screening;

public sealed class CatalogueContentTests
{
    [Fact]
    public void The_shipped_catalogue_is_sound_and_reads_back_from_storage_exactly()
    {
        var stored = CatalogueContent.Default.ToJson();
        var read = CatalogueContent.FromJson(stored);

        Assert.Empty(CatalogueContent.Default.Problems());
        Assert.Equal(CatalogueContent.Default.Indicators, read.Indicators);
        Assert.Equal(CatalogueContent.Default.Domains, read.Domains);
        Assert.Equal(CatalogueContent.Default.Bands, read.Bands);
        Assert.Equal(CatalogueContent.Default.NextSteps, read.NextSteps);
        Assert.Equal(3, read.RescreenMonths);
        Assert.Equal(stored, read.ToJson());
        foreach (var kind in Enum.GetValues<IndicatorKind>())
        {
            foreach (var answer in ScoringScheme.AnswersFor(kind))
            {
                Assert.Equal(DefaultCatalogue.Scheme.PointsFor(kind, answer), read.Scheme(1).PointsFor(kind, answer));
            }
        }
    }

    [Fact]
    public void The_same_answers_score_the_same_against_a_stored_version()
    {
        var answers = new Dictionary<string, IndicatorAnswer> { ["learning-disability"] = IndicatorAnswer.Present, ["older-partner"] = IndicatorAnswer.SeenWithinSixMonths, ["disclosure"] = IndicatorAnswer.Present };
        var before = ScreeningScorer.Score(DefaultCatalogue.Scheme, answers, 15).Outcome!;
        var after = ScreeningScorer.Score(CatalogueContent.FromJson(CatalogueContent.Default.ToJson()).Scheme(1), answers, 15).Outcome!;

        Assert.Equal(before.Reasons, after.Reasons);
        Assert.Equal((before.Total, before.Band, before.HarmIndicated), (after.Total, after.Band, after.HarmIndicated));
    }

    [Fact]
    public void Harm_has_its_own_next_step_above_any_band()
    {
        var content = CatalogueContent.Default;

        Assert.Contains("social care today", content.NextStepFor(RiskBand.NoApparentRisk, harmIndicated: true), StringComparison.Ordinal);
        Assert.Contains("consider a referral", content.NextStepFor(RiskBand.Moderate, harmIndicated: false), StringComparison.Ordinal);
        Assert.Contains("Keep noticing", content.NextStepFor(RiskBand.NoApparentRisk, harmIndicated: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_with_a_problem_says_what_is_wrong()
    {
        var d = CatalogueContent.Default;
        var unknownDomain = d with { Indicators = [.. d.Indicators, new Indicator("x", "nowhere", IndicatorKind.ModerateRisk, "Something")] };
        var noWords = d with { Indicators = [.. d.Indicators, new Indicator("y", "online", IndicatorKind.ModerateRisk, " ")] };
        var allRetired = d with { Indicators = d.Indicators.Select(i => i with { Retired = true }).ToList() };
        var gap = d with { Bands = [new(RiskBand.NoApparentRisk, 1), new(RiskBand.Mild, 6), new(RiskBand.Moderate, 11), new(RiskBand.Significant, 16)] };
        var overlap = d with { Bands = [new(RiskBand.NoApparentRisk, 0), new(RiskBand.Mild, 6), new(RiskBand.Moderate, 6), new(RiskBand.Significant, 16)] };

        Assert.Contains("Indicator 'x' is in a domain that does not exist.", unknownDomain.Problems());
        Assert.Contains("Indicator 'y' needs its wording.", noWords.Problems());
        Assert.Contains("Keep at least one indicator in use.", allRetired.Problems());
        Assert.Contains(gap.Problems(), p => p.Contains("must start at 0 points", StringComparison.Ordinal));
        Assert.Contains(overlap.Problems(), p => p.Contains("both start at 6 points", StringComparison.Ordinal));
        Assert.Contains("The time until the next screening must be between 1 and 12 months.", (d with { RescreenMonths = 0 }).Problems());
        Assert.Contains("The time until the next screening must be between 1 and 12 months.", (d with { RescreenMonths = 13 }).Problems());
    }

    [Fact]
    public void Domains_with_a_problem_say_what_is_wrong_and_an_old_version_without_retired_domains_still_reads()
    {
        var d = CatalogueContent.Default;
        var sameName = d with { Domains = [.. d.Domains, new Domain("money", " going MISSING ", "")] };
        var sameId = d with { Domains = [.. d.Domains, new Domain("online", "Online again", "")] };
        var noName = d with { Domains = [.. d.Domains, new Domain("money", "  ", "")] };
        var longName = d with { Domains = [.. d.Domains, new Domain("money", new string('n', CatalogueContent.DomainNameMaxLength + 1), "")] };
        var retiredInUse = d with { Domains = d.Domains.Select(x => x.Id == "online" ? x with { Retired = true } : x).ToList() };
        var retiredEmpty = d with
        {
            Domains = d.Domains.Select(x => x.Id == "online" ? x with { Retired = true } : x).ToList(),
            Indicators = d.Indicators.Select(i => i.Domain == "online" ? i with { Retired = true } : i).ToList(),
        };

        Assert.Contains("Two domains are called \"Going missing\". Give each domain its own name.", sameName.Problems());
        Assert.Contains("Each domain must have its own id.", sameId.Problems());
        Assert.Contains("Each domain needs a name.", noName.Problems());
        Assert.Contains("The name of a domain must be 100 characters or fewer.", longName.Problems());
        Assert.Contains("The domain \"Contact online\" still has indicators in use. Retire them, or move them to another domain, before retiring it.", retiredInUse.Problems());
        Assert.Empty(retiredEmpty.Problems());
        Assert.DoesNotContain(retiredEmpty.SignsByDomain(), g => g.Domain.Id == "online");

        var beforeDomainsRetired = CatalogueContent.Default.ToJson().Replace(",\"Retired\":false}", "}", StringComparison.Ordinal);
        Assert.Equal(CatalogueContent.Default.Domains, CatalogueContent.FromJson(beforeDomainsRetired).Domains);
    }

    [Fact]
    public void Signs_by_domain_put_signs_of_harm_first_and_leave_out_retired_signs()
    {
        var d = CatalogueContent.Default with { Indicators = CatalogueContent.Default.Indicators.Select(i => i.Id == "secretive" ? i with { Retired = true } : i).ToList() };

        var groups = d.SignsByDomain();

        Assert.Equal("harm", groups[0].Domain.Id);
        Assert.Equal(d.Indicators.Count(i => !i.Retired), groups.Sum(g => g.Signs.Count));
        Assert.DoesNotContain(groups.SelectMany(g => g.Signs), i => i.Id == "secretive");
    }
}
