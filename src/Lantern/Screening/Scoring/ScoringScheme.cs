namespace Lantern.Screening.Scoring;

/// <summary>
/// One version of the catalogue and its scoring: the indicators, the points for each kind and
/// answer, and where each band starts. Editing any of it makes a new version; a screening keeps
/// the version it was made with.
/// </summary>
public sealed record ScoringScheme(
    int Version,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>> Points,
    IReadOnlyList<BandThreshold> Bands)
{
    /// <summary>The answers each kind allows.</summary>
    public static IReadOnlyList<IndicatorAnswer> AnswersFor(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Vulnerability or IndicatorKind.Harm => [IndicatorAnswer.Present, IndicatorAnswer.NotPresent],
        _ => [IndicatorAnswer.SeenWithinSixMonths, IndicatorAnswer.SeenSixToTwelveMonthsAgo, IndicatorAnswer.NotSeen],
    };

    /// <summary>
    /// The shipped default (modelled on SERAF, Barnardo's Cymru; not a validated instrument):
    /// a vulnerability present 1; a moderate risk indicator seen within 6 months 1; a significant
    /// one 5 within 6 months and 1 at 6–12 months; harm not scored. Bands: 0–5 no apparent risk,
    /// 6–10 mild, 11–15 moderate, 16 or more significant.
    /// </summary>
    public static ScoringScheme Default(int version, IReadOnlyList<Indicator> indicators) => new(
        version,
        indicators,
        new Dictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>>
        {
            [IndicatorKind.Vulnerability] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.Present] = 1, [IndicatorAnswer.NotPresent] = 0 },
            [IndicatorKind.ModerateRisk] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.SeenWithinSixMonths] = 1, [IndicatorAnswer.SeenSixToTwelveMonthsAgo] = 0, [IndicatorAnswer.NotSeen] = 0 },
            [IndicatorKind.SignificantRisk] = new Dictionary<IndicatorAnswer, int> { [IndicatorAnswer.SeenWithinSixMonths] = 5, [IndicatorAnswer.SeenSixToTwelveMonthsAgo] = 1, [IndicatorAnswer.NotSeen] = 0 },
            [IndicatorKind.Harm] = new Dictionary<IndicatorAnswer, int>(),
        },
        [
            new(RiskBand.NoApparentRisk, 0),
            new(RiskBand.Mild, 6),
            new(RiskBand.Moderate, 11),
            new(RiskBand.Significant, 16),
        ]);

    /// <summary>Problems that make the scheme unusable, in plain words; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var ordered = Bands.OrderBy(b => b.From).ToList();
        if (ordered.Count != Enum.GetValues<RiskBand>().Length || ordered.Select(b => b.Band).Distinct().Count() != ordered.Count)
        {
            problems.Add("Give each of the four bands exactly one starting score.");
        }
        else
        {
            if (ordered[0].From != 0 || ordered[0].Band != RiskBand.NoApparentRisk)
            {
                problems.Add("The lowest band, no apparent risk, must start at 0 points, or some totals would have no band.");
            }

            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].From == ordered[i - 1].From)
                {
                    problems.Add($"The bands {Describe(ordered[i - 1].Band)} and {Describe(ordered[i].Band)} both start at {ordered[i].From} points: each band must start above the one before.");
                }
                else if (ordered[i].Band < ordered[i - 1].Band)
                {
                    problems.Add($"The band {Describe(ordered[i].Band)} starts at {ordered[i].From} points, above {Describe(ordered[i - 1].Band)} at {ordered[i - 1].From}: bands must rise in order.");
                }
            }
        }

        foreach (var (kind, answers) in Points)
        {
            foreach (var (answer, points) in answers)
            {
                if (points < 0)
                {
                    problems.Add($"Points cannot be negative ({Describe(kind)}, {Describe(answer)}: {points}).");
                }

                if (!AnswersFor(kind).Contains(answer))
                {
                    problems.Add($"{Describe(answer)} is not an answer for a {Describe(kind)}.");
                }
            }
        }

        if (Points.TryGetValue(IndicatorKind.Harm, out var harm) && harm.Values.Any(p => p != 0))
        {
            problems.Add("Indicators of harm are never scored: they are shown apart from the risk band.");
        }

        foreach (var duplicate in Indicators.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"The indicator id '{duplicate.Key}' is used more than once.");
        }

        return problems;
    }

    public int PointsFor(IndicatorKind kind, IndicatorAnswer answer) =>
        Points.TryGetValue(kind, out var answers) && answers.TryGetValue(answer, out var points) ? points : 0;

    public RiskBand BandFor(int total) =>
        Bands.Where(b => b.From <= total).OrderByDescending(b => b.From).Select(b => b.Band).FirstOrDefault();

    public static string Describe(RiskBand band) => band switch
    {
        RiskBand.NoApparentRisk => "no apparent risk",
        RiskBand.Mild => "mild",
        RiskBand.Moderate => "moderate",
        _ => "significant",
    };

    public static string Describe(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Vulnerability => "vulnerability",
        IndicatorKind.ModerateRisk => "moderate risk indicator",
        IndicatorKind.SignificantRisk => "significant risk indicator",
        _ => "indicator of harm",
    };

    public static string Describe(IndicatorAnswer answer) => answer switch
    {
        IndicatorAnswer.Present => "present",
        IndicatorAnswer.NotPresent => "not present",
        IndicatorAnswer.SeenWithinSixMonths => "seen within the last 6 months",
        IndicatorAnswer.SeenSixToTwelveMonthsAgo => "last seen 6 to 12 months ago",
        _ => "not seen",
    };
}
