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
        var reading = Read(
            new() { ["older-partner"] = "SeenSixToTwelveMonthsAgo", ["looked-after"] = "Present" },
            new() { ["looked-after"] = Given("  Section 20 since 2023.  ", " Social worker ", " Since March 2023 ") });

        Assert.Equal(
            [
                ("Evidence[older-partner].What", "Say what was seen, for \"Is in a relationship with someone much older, or with someone who has power over them.\""),
                ("Evidence[older-partner].Who", "Say who saw or reported it, for \"Is in a relationship with someone much older, or with someone who has power over them.\""),
                ("Evidence[older-partner].When", "Say when it was seen, for \"Is in a relationship with someone much older, or with someone who has power over them.\""),
            ],
            reading.Problems);
        Assert.Equal(new SignEvidence("Section 20 since 2023.", "Social worker", "Since March 2023"), reading.Evidence["looked-after"]);
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

        var seen = Read(new() { ["secretive"] = "SeenWithinSixMonths" }, new() { ["secretive"] = Given("Will not say.") }, Retiring);

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
            new Dictionary<string, EvidenceInput>
            {
                ["isolated"] = Given(new string('e', ScreeningForm.EvidenceMaxLength + 1), new string('w', ScreeningForm.EvidenceWhoMaxLength + 1), new string('n', ScreeningForm.EvidenceWhenMaxLength + 1)),
            },
            new string('o', ScreeningForm.OpinionMaxLength + 1),
            12);

        Assert.Contains(reading.Problems, p => p.Field == "Evidence[isolated].What" && p.Message.EndsWith("must be 5,000 characters or fewer", StringComparison.Ordinal));
        Assert.Contains(reading.Problems, p => p.Field == "Evidence[isolated].Who" && p.Message.EndsWith("must be 300 characters or fewer", StringComparison.Ordinal));
        Assert.Contains(reading.Problems, p => p.Field == "Evidence[isolated].When" && p.Message.EndsWith("must be 200 characters or fewer", StringComparison.Ordinal));
        Assert.Empty(reading.Evidence);
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

    [Fact]
    public void Evidence_is_stored_as_what_who_and_when_and_evidence_saved_as_one_string_still_reads_as_what()
    {
        var stored = ScreeningEvidence.ToJson(new Dictionary<string, SignEvidence> { ["hidden-phone"] = new("A second phone in her bag.", "Sam, key worker", "12 March 2026") });

        Assert.Equal("""{"hidden-phone":{"what":"A second phone in her bag.","who":"Sam, key worker","when":"12 March 2026"}}""", stored);
        Assert.Equal(new SignEvidence("A second phone in her bag.", "Sam, key worker", "12 March 2026"), ScreeningEvidence.FromJson(stored)["hidden-phone"]);
        var old = ScreeningEvidence.FromJson("""{"looked-after":"Section 20 since 2023 (social worker).","isolated":"<script>x</script>"}""");
        Assert.Equal(new SignEvidence("Section 20 since 2023 (social worker).", "", ""), old["looked-after"]);
        Assert.Equal("<script>x</script>", old["isolated"].What);
        Assert.Empty(ScreeningEvidence.FromJson("{}"));
    }

    [Theory]
    [InlineData("", "Sam", "Today", "What")]
    [InlineData("Seen.", "   ", "Today", "Who")]
    [InlineData("Seen.", "Sam", "", "When")]
    public void Each_part_of_the_evidence_is_needed_for_a_positive_answer(string what, string who, string when, string part)
    {
        var reading = Read(new() { ["disclosure"] = "Present" }, new() { ["disclosure"] = Given(what, who, when) });

        Assert.Equal($"Evidence[disclosure].{part}", Assert.Single(reading.Problems).Field);
        Assert.Empty(reading.Evidence);
    }

    private static EvidenceInput Given(string what, string who = "Sam, key worker", string when = "Most weekends since January") =>
        new() { What = what, Who = who, When = when };

    private static ScreeningForm.Reading Read(Dictionary<string, string?> answers, Dictionary<string, EvidenceInput> evidence, CatalogueContent? content = null) =>
        ScreeningForm.Read(content ?? CatalogueContent.Default, 1, answers, evidence, null, 15);
}
