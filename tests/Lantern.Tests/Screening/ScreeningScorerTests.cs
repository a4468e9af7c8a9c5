using Lantern.Screening.Scoring;

namespace Lantern.Tests.Screening;

public sealed class ScreeningScorerTests
{
    // A catalogue big enough to reach every band: 20 vulnerabilities, 20 moderate, 5 significant, 2 harm, 1 retired.
    private static readonly IReadOnlyList<Indicator> Catalogue =
    [
        .. Enumerable.Range(1, 20).Select(i => new Indicator($"v{i}", "vulnerabilities", IndicatorKind.Vulnerability, $"Vulnerability {i}")),
        .. Enumerable.Range(1, 20).Select(i => new Indicator($"m{i}", "relationships", IndicatorKind.ModerateRisk, $"Moderate {i}")),
        .. Enumerable.Range(1, 5).Select(i => new Indicator($"s{i}", "going missing", IndicatorKind.SignificantRisk, $"Significant {i}")),
        new("h1", "harm", IndicatorKind.Harm, "Disclosure of sexual exploitation"),
        new("h2", "harm", IndicatorKind.Harm, "Sexually transmitted infection"),
        new("retired", "online", IndicatorKind.ModerateRisk, "An old indicator", Retired: true),
    ];

    private static readonly ScoringScheme Scheme = ScoringScheme.Default(1, Catalogue);

    [Theory]
    [InlineData(0, RiskBand.NoApparentRisk)]
    [InlineData(5, RiskBand.NoApparentRisk)]
    [InlineData(6, RiskBand.Mild)]
    [InlineData(10, RiskBand.Mild)]
    [InlineData(11, RiskBand.Moderate)]
    [InlineData(15, RiskBand.Moderate)]
    [InlineData(16, RiskBand.Significant)]
    [InlineData(40, RiskBand.Significant)]
    public void Each_band_boundary_falls_where_the_scheme_says(int points, RiskBand expected)
    {
        var outcome = Score(Vulnerabilities(Math.Min(points, 20)).Concat(Moderates(Math.Max(points - 20, 0))), age: 15);

        Assert.Equal(points, outcome.Total);
        Assert.Equal(expected, outcome.Band);
        Assert.Equal(expected, outcome.PointsBand);
    }

    [Theory]
    [InlineData(IndicatorKind.Vulnerability, IndicatorAnswer.Present, 1)]
    [InlineData(IndicatorKind.Vulnerability, IndicatorAnswer.NotPresent, 0)]
    [InlineData(IndicatorKind.ModerateRisk, IndicatorAnswer.SeenWithinSixMonths, 1)]
    [InlineData(IndicatorKind.ModerateRisk, IndicatorAnswer.SeenSixToTwelveMonthsAgo, 0)]
    [InlineData(IndicatorKind.ModerateRisk, IndicatorAnswer.NotSeen, 0)]
    [InlineData(IndicatorKind.SignificantRisk, IndicatorAnswer.SeenWithinSixMonths, 5)]
    [InlineData(IndicatorKind.SignificantRisk, IndicatorAnswer.SeenSixToTwelveMonthsAgo, 1)]
    [InlineData(IndicatorKind.SignificantRisk, IndicatorAnswer.NotSeen, 0)]
    [InlineData(IndicatorKind.Harm, IndicatorAnswer.Present, 0)]
    [InlineData(IndicatorKind.Harm, IndicatorAnswer.NotPresent, 0)]
    public void Every_answer_of_every_kind_scores_as_the_default_scheme_says(IndicatorKind kind, IndicatorAnswer answer, int points)
    {
        var indicator = Catalogue.First(i => i.Kind == kind && !i.Retired);

        var outcome = Score([(indicator.Id, answer)], age: 15);

        Assert.Equal(points, outcome.Total);
    }

    [Fact]
    public void Any_indicator_of_harm_present_indicates_harm_apart_from_a_low_band()
    {
        var outcome = Score([("h2", IndicatorAnswer.Present), ("v1", IndicatorAnswer.Present)], age: 16);

        Assert.True(outcome.HarmIndicated);
        Assert.Equal(["h2"], outcome.HarmIndicatorIds);
        Assert.Equal(RiskBand.NoApparentRisk, outcome.Band);
        Assert.StartsWith("Harm indicated: 1 indicator of harm present.", outcome.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Harm_is_indicated_whatever_the_score_and_does_not_change_the_band()
    {
        var outcome = Score(Significants(4, IndicatorAnswer.SeenWithinSixMonths).Append(("h1", IndicatorAnswer.Present)), age: 16);

        Assert.True(outcome.HarmIndicated);
        Assert.Equal(20, outcome.Total);
        Assert.Equal(RiskBand.Significant, outcome.Band);
    }

    [Fact]
    public void Indicators_of_harm_not_present_indicate_nothing()
    {
        var outcome = Score([("h1", IndicatorAnswer.NotPresent), ("h2", IndicatorAnswer.NotPresent)], age: 10);

        Assert.False(outcome.HarmIndicated);
        Assert.Empty(outcome.HarmIndicatorIds);
    }

    [Theory]
    [InlineData(13, RiskBand.Moderate)]
    [InlineData(12, RiskBand.Moderate)]
    [InlineData(14, RiskBand.NoApparentRisk)]
    public void A_child_of_13_or_under_with_a_recent_significant_indicator_is_at_least_moderate(int age, RiskBand expected)
    {
        var outcome = Score([("s1", IndicatorAnswer.SeenWithinSixMonths)], age);

        Assert.Equal(5, outcome.Total);
        Assert.Equal(RiskBand.NoApparentRisk, outcome.PointsBand);
        Assert.Equal(expected, outcome.Band);
        Assert.Equal(expected == RiskBand.Moderate, outcome.Reasons.Any(r => r.StartsWith("Raised from no apparent risk to moderate", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_young_child_rule_needs_a_sighting_within_six_months()
    {
        var outcome = Score([("s1", IndicatorAnswer.SeenSixToTwelveMonthsAgo)], age: 9);

        Assert.Equal(RiskBand.NoApparentRisk, outcome.Band);
    }

    [Fact]
    public void The_young_child_rule_never_lowers_a_higher_band()
    {
        var outcome = Score(Significants(4, IndicatorAnswer.SeenWithinSixMonths), age: 11);

        Assert.Equal(RiskBand.Significant, outcome.Band);
    }

    [Fact]
    public void The_young_child_rule_does_not_apply_when_the_age_is_unknown()
    {
        var outcome = Score([("s1", IndicatorAnswer.SeenWithinSixMonths)], age: null);

        Assert.Equal(RiskBand.NoApparentRisk, outcome.Band);
    }

    [Fact]
    public void The_reasons_say_why_in_plain_words()
    {
        var outcome = Score(Significants(3, IndicatorAnswer.SeenWithinSixMonths).Concat(Vulnerabilities(2)), age: 15);

        Assert.Equal(
            [
                "3 significant risk indicators seen within the last 6 months: 15 points.",
                "2 vulnerabilities present: 2 points.",
                "Total 17 points: significant (16 points or more).",
            ],
            outcome.Reasons);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_outcome()
    {
        IReadOnlyList<(string, IndicatorAnswer)> answers = [("s2", IndicatorAnswer.SeenSixToTwelveMonthsAgo), ("m3", IndicatorAnswer.SeenWithinSixMonths), ("h1", IndicatorAnswer.Present), ("v4", IndicatorAnswer.Present)];

        var first = Score(answers, age: 13);
        var again = Score(answers.Reverse(), age: 13);

        Assert.Equal(first.Total, again.Total);
        Assert.Equal(first.Band, again.Band);
        Assert.Equal(first.Reasons, again.Reasons);
        Assert.Equal(first.HarmIndicatorIds, again.HarmIndicatorIds);
    }

    [Fact]
    public void An_answer_for_a_retired_indicator_is_refused()
    {
        var result = ScreeningScorer.Score(Scheme, Answers([("retired", IndicatorAnswer.SeenWithinSixMonths)]), 15);

        Assert.False(result.Succeeded);
        Assert.Contains("\"An old indicator\" has been retired", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_not_in_the_version_is_refused()
    {
        var result = ScreeningScorer.Score(Scheme, Answers([("not-in-catalogue", IndicatorAnswer.Present)]), 15);

        Assert.Contains("not in version 1 of the catalogue", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1", IndicatorAnswer.SeenWithinSixMonths)]
    [InlineData("h1", IndicatorAnswer.NotSeen)]
    [InlineData("m1", IndicatorAnswer.Present)]
    [InlineData("s1", IndicatorAnswer.NotPresent)]
    public void An_answer_not_allowed_for_its_kind_is_refused(string id, IndicatorAnswer answer)
    {
        var result = ScreeningScorer.Score(Scheme, Answers([(id, answer)]), 15);

        Assert.Contains("is not an answer for", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_version_can_regrade_points_and_bands_and_the_earlier_version_scores_as_before()
    {
        IReadOnlyList<(string, IndicatorAnswer)> answers = [("m1", IndicatorAnswer.SeenWithinSixMonths), ("s1", IndicatorAnswer.SeenSixToTwelveMonthsAgo)];
        var regraded = Scheme with
        {
            Version = 2,
            Points = new Dictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>>(Scheme.Points)
            {
                [IndicatorKind.ModerateRisk] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.SeenWithinSixMonths] = 3, [IndicatorAnswer.SeenSixToTwelveMonthsAgo] = 1 },
            },
            Bands = [new(RiskBand.NoApparentRisk, 0), new(RiskBand.Mild, 3), new(RiskBand.Moderate, 8), new(RiskBand.Significant, 12)],
        };

        var before = ScreeningScorer.Score(Scheme, Answers(answers), 15).Outcome!;
        var after = ScreeningScorer.Score(regraded, Answers(answers), 15).Outcome!;

        Assert.Equal((2, RiskBand.NoApparentRisk), (before.Total, before.Band));
        Assert.Equal((4, RiskBand.Mild), (after.Total, after.Band));
    }

    [Fact]
    public void The_default_scheme_has_no_problems()
    {
        Assert.Empty(Scheme.Problems());
    }

    [Fact]
    public void Bands_that_overlap_are_refused()
    {
        var scheme = Scheme with { Bands = [new(RiskBand.NoApparentRisk, 0), new(RiskBand.Mild, 6), new(RiskBand.Moderate, 6), new(RiskBand.Significant, 16)] };

        var result = ScreeningScorer.Score(scheme, Answers([]), 15);

        Assert.Contains(result.Problems, p => p.Contains("both start at 6 points", StringComparison.Ordinal));
    }

    [Fact]
    public void Bands_that_leave_a_gap_at_the_bottom_are_refused()
    {
        var scheme = Scheme with { Bands = [new(RiskBand.NoApparentRisk, 2), new(RiskBand.Mild, 6), new(RiskBand.Moderate, 11), new(RiskBand.Significant, 16)] };

        Assert.Contains(scheme.Problems(), p => p.Contains("must start at 0 points", StringComparison.Ordinal));
    }

    [Fact]
    public void Bands_out_of_order_or_missing_are_refused()
    {
        var reversed = Scheme with { Bands = [new(RiskBand.NoApparentRisk, 0), new(RiskBand.Mild, 11), new(RiskBand.Moderate, 6), new(RiskBand.Significant, 16)] };
        var missing = Scheme with { Bands = [new(RiskBand.NoApparentRisk, 0), new(RiskBand.Significant, 16)] };

        Assert.Contains(reversed.Problems(), p => p.Contains("bands must rise in order", StringComparison.Ordinal));
        Assert.Contains(missing.Problems(), p => p.Contains("exactly one starting score", StringComparison.Ordinal));
    }

    [Fact]
    public void Negative_points_and_points_for_harm_are_refused()
    {
        var scheme = Scheme with
        {
            Points = new Dictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>>(Scheme.Points)
            {
                [IndicatorKind.Vulnerability] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.Present] = -1 },
                [IndicatorKind.Harm] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.Present] = 10 },
            },
        };

        var problems = scheme.Problems();

        Assert.Contains(problems, p => p.StartsWith("Points cannot be negative", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Indicators of harm are never scored", StringComparison.Ordinal));
    }

    private static ScreeningOutcome Score(IEnumerable<(string Id, IndicatorAnswer Answer)> answers, int? age)
    {
        var result = ScreeningScorer.Score(Scheme, Answers(answers), age);
        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        return result.Outcome!;
    }

    private static Dictionary<string, IndicatorAnswer> Answers(IEnumerable<(string Id, IndicatorAnswer Answer)> answers) =>
        answers.ToDictionary(a => a.Id, a => a.Answer);

    private static IEnumerable<(string, IndicatorAnswer)> Vulnerabilities(int count) =>
        Enumerable.Range(1, count).Select(i => ($"v{i}", IndicatorAnswer.Present));

    private static IEnumerable<(string, IndicatorAnswer)> Moderates(int count) =>
        Enumerable.Range(1, count).Select(i => ($"m{i}", IndicatorAnswer.SeenWithinSixMonths));

    private static IEnumerable<(string, IndicatorAnswer)> Significants(int count, IndicatorAnswer answer) =>
        Enumerable.Range(1, count).Select(i => ($"s{i}", answer));
}
