using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Screening.Screenings;

namespace Lantern.Tests.Screening;

public sealed class ScreeningFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly CatalogueContent Retiring = CatalogueContent.Default with
    {
        Indicators = CatalogueContent.Default.Indicators.Select(i => i.Id == "secretive" ? i with { Retired = true } : i).ToList(),
    };

    [Fact]
    public void Unanswered_and_unseen_indicators_score_nothing_and_need_no_evidence()
    {
        var reading = Read(new() { ["secretive"] = "NotSeen", ["learning-disability"] = "", ["disclosure"] = "NotPresent" }, new());

        Assert.Empty(reading.Problems);
        Assert.Equal(0, reading.Outcome!.Total);
        Assert.False(reading.Outcome.HarmIndicated);
    }

    [Fact]
    public void Each_answer_seen_or_present_needs_its_evidence()
    {
        var reading = Read(new() { ["older-partner"] = "SeenSixToTwelveMonthsAgo", ["looked-after"] = "Present" }, new() { ["looked-after"] = "Section 20 since 2023 (social worker)." });

        var problem = Assert.Single(reading.Problems);
        Assert.Equal("Evidence[older-partner]", problem.Field);
        Assert.StartsWith("Say what was seen, by whom and when", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Section 20 since 2023 (social worker).", reading.Evidence["looked-after"]);
    }

    [Fact]
    public void An_answer_that_is_not_an_answer_is_refused_against_its_field()
    {
        var reading = Read(new() { ["older-partner"] = "Yes" }, new());

        Assert.Equal(("Answers[older-partner]", "Choose an answer for \"Is in a relationship with someone much older, or with someone who has power over them.\""), Assert.Single(reading.Problems));
    }

    [Fact]
    public void A_retired_indicator_left_unseen_is_no_answer_but_seen_is_refused()
    {
        Assert.Empty(Read(new() { ["secretive"] = "NotSeen" }, new(), Retiring).Problems);

        var seen = Read(new() { ["secretive"] = "SeenWithinSixMonths" }, new() { ["secretive"] = "Will not say." }, Retiring);

        Assert.Contains(seen.Problems, p => p.Field == "Answers[secretive]" && p.Message.Contains("has been retired", StringComparison.Ordinal));
        Assert.Null(seen.Outcome);
    }

    [Fact]
    public void Evidence_over_the_limit_and_analysis_over_the_limit_are_refused()
    {
        var reading = ScreeningForm.Read(
            CatalogueContent.Default,
            1,
            new Dictionary<string, string?> { ["isolated"] = "Present" },
            new Dictionary<string, string?> { ["isolated"] = new string('e', ScreeningForm.EvidenceMaxLength + 1) },
            new string('o', ScreeningForm.OpinionMaxLength + 1),
            12);

        Assert.Contains(reading.Problems, p => p.Field == "Evidence[isolated]");
        Assert.Contains(reading.Problems, p => p.Field == "Opinion");
    }

    [Fact]
    public void Agreeing_keeps_the_schemes_band_and_needs_no_reason()
    {
        var judgement = ScreeningForm.ReadJudgement(RiskBand.Mild, "agree", "Significant", "ignored", "1", "3", "2027", Today);

        Assert.Empty(judgement.Problems);
        Assert.Equal(RiskBand.Mild, judgement.FinalBand);
        Assert.Null(judgement.Reason);
        Assert.Equal(new DateOnly(2027, 3, 1), judgement.NextScreeningOn);
    }

    [Theory]
    [InlineData(RiskBand.Moderate, RiskBand.NoApparentRisk)]
    [InlineData(RiskBand.NoApparentRisk, RiskBand.Significant)]
    public void An_override_up_or_down_keeps_its_reason(RiskBand computed, RiskBand chosen)
    {
        var judgement = ScreeningForm.ReadJudgement(computed, "override", chosen.ToString(), "  Police intelligence.  ", "1", "3", "2027", Today);

        Assert.Empty(judgement.Problems);
        Assert.Equal(chosen, judgement.FinalBand);
        Assert.Equal("Police intelligence.", judgement.Reason);
    }

    [Theory]
    [InlineData(null, null, "Reason", "Judgement")]
    [InlineData("override", "Mild", "", "OverrideReason")]
    [InlineData("override", "Moderate", "Reason", "FinalBand")]
    [InlineData("override", "Extreme", "Reason", "FinalBand")]
    public void A_judgement_without_what_it_needs_is_refused(string? judgement, string? band, string reason, string field)
    {
        var read = ScreeningForm.ReadJudgement(RiskBand.Moderate, judgement, band, reason, "1", "3", "2027", Today);

        Assert.Contains(read.Problems, p => p.Field == field);
        Assert.Null(read.FinalBand);
    }

    [Theory]
    [InlineData("29", "11", "2026", "The next screening must be after today")]
    [InlineData("30", "11", "2027", "The next screening must be within a year")]
    [InlineData("31", "2", "2027", "Enter the date of the next screening as a real date, for example 27 3 2027")]
    [InlineData("", "", "", "Enter the date of the next screening as a real date, for example 27 3 2027")]
    public void The_next_screening_must_be_a_real_date_within_the_coming_year(string day, string month, string year, string message)
    {
        var read = ScreeningForm.ReadJudgement(RiskBand.Mild, "agree", null, null, day, month, year, Today);

        Assert.Equal(("NextDay", message), Assert.Single(read.Problems));
    }

    private static ScreeningForm.Reading Read(Dictionary<string, string?> answers, Dictionary<string, string?> evidence, CatalogueContent? content = null) =>
        ScreeningForm.Read(content ?? CatalogueContent.Default, 1, answers, evidence, null, 15);
}
