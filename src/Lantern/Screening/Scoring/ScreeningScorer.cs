namespace Lantern.Screening.Scoring;

/// <summary>
/// Scores a screening. A pure function: the same scheme, answers and age always give the same
/// outcome. It supports the DSL's judgement and never replaces it: CSE screening tools are not
/// validated instruments (Brown et al., 2016; Franklin, Brown and Brady, 2018; Early Intervention
/// Foundation, 2017), so the outcome says why, and the DSL agrees or overrides with a reason.
/// </summary>
public static class ScreeningScorer
{
    /// <summary>A child of this age or under is raised to at least moderate by a recent significant risk indicator.</summary>
    public const int YoungChildMaximumAge = 13;

    /// <summary>
    /// Scores the answers against the scheme. Indicators not answered count as not present or not
    /// seen. Answers for indicators outside the version, for retired indicators, or not allowed for
    /// their kind are refused, as is a scheme with problems.
    /// </summary>
    public static ScoringResult Score(ScoringScheme scheme, IReadOnlyDictionary<string, IndicatorAnswer> answers, int? childAgeInYears)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<string>(scheme.Problems());
        var indicators = scheme.Indicators.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (id, answer) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!indicators.TryGetValue(id, out var indicator))
            {
                problems.Add($"The indicator '{id}' is not in version {scheme.Version} of the catalogue. Start the screening again to use the current list.");
            }
            else if (indicator.Retired)
            {
                problems.Add($"The indicator \"{indicator.Text}\" has been retired and cannot be answered. Leave it out.");
            }
            else if (!ScoringScheme.AnswersFor(indicator.Kind).Contains(answer))
            {
                problems.Add($"\"{ScoringScheme.Describe(answer)}\" is not an answer for \"{indicator.Text}\" ({(indicator.Kind == IndicatorKind.Harm ? "an" : "a")} {ScoringScheme.Describe(indicator.Kind)}).");
            }
        }

        if (problems.Count > 0)
        {
            return new ScoringResult(null, problems);
        }

        var given = answers
            .Select(a => (Indicator: indicators[a.Key], Answer: a.Value))
            .ToList();
        var reasons = new List<string>();
        var total = 0;
        foreach (var group in given
            .Where(g => g.Indicator.Kind != IndicatorKind.Harm)
            .Select(g => (g.Indicator.Kind, g.Answer, Points: scheme.PointsFor(g.Indicator.Kind, g.Answer)))
            .Where(g => g.Points > 0)
            .GroupBy(g => (g.Kind, g.Answer))
            .OrderByDescending(g => g.Key.Kind)
            .ThenBy(g => g.Key.Answer))
        {
            var points = group.Sum(g => g.Points);
            total += points;
            reasons.Add($"{Count(group.Count(), ScoringScheme.Describe(group.Key.Kind))} {ScoringScheme.Describe(group.Key.Answer)}: {Points(points)}.");
        }

        var pointsBand = scheme.BandFor(total);
        reasons.Add($"Total {Points(total)}: {ScoringScheme.Describe(pointsBand)} ({Range(scheme, pointsBand)}).");

        var band = pointsBand;
        var recentSignificant = given.Any(g => g.Indicator.Kind == IndicatorKind.SignificantRisk && g.Answer == IndicatorAnswer.SeenWithinSixMonths);
        if (childAgeInYears <= YoungChildMaximumAge && recentSignificant && band < RiskBand.Moderate)
        {
            band = RiskBand.Moderate;
            reasons.Add($"Raised from {ScoringScheme.Describe(pointsBand)} to moderate: the child is {YoungChildMaximumAge} or under and a significant risk indicator was seen within the last 6 months.");
        }

        var harm = given
            .Where(g => g.Indicator.Kind == IndicatorKind.Harm && g.Answer == IndicatorAnswer.Present)
            .Select(g => g.Indicator.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (harm.Count > 0)
        {
            reasons.Insert(0, $"Harm indicated: {Count(harm.Count, "indicator of harm")} present. This stands apart from the risk band, whatever the score.");
        }

        return new ScoringResult(new ScreeningOutcome(total, pointsBand, band, harm.Count > 0, harm, reasons), []);
    }

    private static string Range(ScoringScheme scheme, RiskBand band)
    {
        var ordered = scheme.Bands.OrderBy(b => b.From).ToList();
        var index = ordered.FindIndex(b => b.Band == band);
        return index == ordered.Count - 1
            ? $"{ordered[index].From} points or more"
            : $"{ordered[index].From} to {ordered[index + 1].From - 1} points";
    }

    private static string Points(int points) => points == 1 ? "1 point" : $"{points} points";

    private static string Count(int count, string what) => count == 1
        ? $"1 {what}"
        : $"{count} {what switch
        {
            "vulnerability" => "vulnerabilities",
            "indicator of harm" => "indicators of harm",
            _ => what + "s",
        }}";
}
