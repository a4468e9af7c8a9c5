using System.Globalization;
using Lantern.Concerns.Recording;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;

namespace Lantern.Screening.Screenings;

/// <summary>
/// Reads a posted screening form against one catalogue version, with no database: the answers (each
/// checked against its indicator's kind), the evidence each positive answer needs (what was seen, who saw or reported it, when), the analysis, and
/// the DSL's judgement. Problems are keyed by the form field they belong to ("" for the form).
/// </summary>
public static class ScreeningForm
{
    public const int EvidenceMaxLength = 5_000;
    public const int EvidenceWhoMaxLength = 300;
    public const int EvidenceWhenMaxLength = 200;
    public const int OpinionMaxLength = 20_000;
    public const int ReasonMaxLength = 20_000;
    public const string Agree = "agree";
    public const string Override = "override";

    public static string AnswerField(string indicatorId) => $"Answers[{indicatorId}]";

    public static string EvidenceField(string indicatorId) => $"Evidence[{indicatorId}]";

    /// <summary>One part of an indicator's evidence: What, Who or When.</summary>
    public static string EvidenceField(string indicatorId, string part) => $"Evidence[{indicatorId}].{part}";

    /// <summary>An answer that needs evidence: something present or seen.</summary>
    public static bool IsPositive(IndicatorAnswer answer) =>
        answer is IndicatorAnswer.Present or IndicatorAnswer.SeenWithinSixMonths or IndicatorAnswer.SeenSixToTwelveMonthsAgo;

    /// <summary>The answer a form starts with: nothing seen.</summary>
    public static IndicatorAnswer Unseen(IndicatorKind kind) =>
        kind is IndicatorKind.Vulnerability or IndicatorKind.Harm ? IndicatorAnswer.NotPresent : IndicatorAnswer.NotSeen;

    public static string AnswerLabel(IndicatorAnswer answer) => answer switch
    {
        IndicatorAnswer.Present => "Present",
        IndicatorAnswer.NotPresent => "Not present",
        IndicatorAnswer.SeenWithinSixMonths => "Seen in the last 6 months",
        IndicatorAnswer.SeenSixToTwelveMonthsAgo => "Last seen 6 to 12 months ago",
        _ => "Not seen",
    };

    public static string BandTitle(RiskBand band) => band switch
    {
        RiskBand.NoApparentRisk => "No apparent risk",
        RiskBand.Mild => "Mild risk",
        RiskBand.Moderate => "Moderate risk",
        _ => "Significant risk",
    };

    /// <summary>
    /// Reads the answers and evidence. Empty answers are left out (scored as not seen). Returns the
    /// parsed answers, the evidence of positive answers, the outcome when the answers could be scored,
    /// and the problems.
    /// </summary>
    public static Reading Read(
        CatalogueContent catalogue,
        int version,
        IReadOnlyDictionary<string, string?> answers,
        IReadOnlyDictionary<string, EvidenceInput> evidence,
        string? opinion,
        int? childAgeYears)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(evidence);
        var problems = new List<(string Field, string Message)>();
        var parsed = new Dictionary<string, IndicatorAnswer>(StringComparer.Ordinal);
        var indicators = catalogue.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Enum.GetNames<IndicatorAnswer>().Contains(value, StringComparer.Ordinal))
            {
                problems.Add((indicators.ContainsKey(id) ? AnswerField(id) : string.Empty, indicators.TryGetValue(id, out var known)
                    ? $"Choose an answer for \"{known.Text}\""
                    : $"The indicator '{Shorten(id)}' is not in version {version} of the catalogue. Start the screening again to use the current list."));
                continue;
            }

            var answer = Enum.Parse<IndicatorAnswer>(value);
            if (indicators.TryGetValue(id, out var indicator) && indicator.Retired && answer == Unseen(indicator.Kind))
            {
                // A retired indicator's default answer is no answer at all.
                continue;
            }

            parsed[id] = answer;
        }

        var scored = ScreeningScorer.Score(catalogue.Scheme(version), parsed, childAgeYears);
        foreach (var problem in scored.Problems)
        {
            var field = parsed.Keys.FirstOrDefault(id => indicators.ContainsKey(id) && problem.Contains(indicators[id].Text, StringComparison.Ordinal));
            problems.Add((field is null ? string.Empty : AnswerField(field), problem));
        }

        var kept = new Dictionary<string, SignEvidence>(StringComparer.Ordinal);
        foreach (var (id, answer) in parsed.Where(p => IsPositive(p.Value) && indicators.ContainsKey(p.Key)))
        {
            var given = evidence.TryGetValue(id, out var input) ? input : null;
            var text = indicators[id].Text;
            var what = Part(problems, id, "What", given?.What, EvidenceMaxLength, $"Say what was seen, for \"{text}\"", $"What was seen, for \"{text}\", must be {EvidenceMaxLength:N0} characters or fewer");
            var who = Part(problems, id, "Who", given?.Who, EvidenceWhoMaxLength, $"Say who saw or reported it, for \"{text}\"", $"Who saw or reported it, for \"{text}\", must be {EvidenceWhoMaxLength:N0} characters or fewer");
            var when = Part(problems, id, "When", given?.When, EvidenceWhenMaxLength, $"Say when it was seen, for \"{text}\"", $"When it was seen, for \"{text}\", must be {EvidenceWhenMaxLength:N0} characters or fewer");
            if (what is not null && who is not null && when is not null)
            {
                kept[id] = new SignEvidence(what, who, when);
            }
        }

        if (opinion is { Length: > OpinionMaxLength })
        {
            problems.Add(("Opinion", $"Your analysis must be {OpinionMaxLength:N0} characters or fewer"));
        }

        return new Reading(parsed, kept, scored.Outcome, problems);
    }

    /// <summary>Reads the judgement: agree, or override to another band with a reason; and the next screening date.</summary>
    public static Judgement ReadJudgement(
        RiskBand computed, string? judgement, string? finalBand, string? reason, string? day, string? month, string? year, DateOnly today)
    {
        var problems = new List<(string Field, string Message)>();
        RiskBand? final = null;
        if (judgement == Agree)
        {
            final = computed;
        }
        else if (judgement == Override)
        {
            if (!Enum.GetNames<RiskBand>().Contains(finalBand, StringComparer.Ordinal))
            {
                problems.Add(("FinalBand", "Choose the band you judge right"));
            }
            else if (Enum.Parse<RiskBand>(finalBand!) == computed)
            {
                problems.Add(("FinalBand", $"Choose a band other than {BandTitle(computed).ToLower(CultureInfo.GetCultureInfo("en-GB"))}, or agree with the scheme"));
            }
            else
            {
                final = Enum.Parse<RiskBand>(finalBand!);
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add(("OverrideReason", "Give your reason for changing the band"));
            }
            else if (reason.Length > ReasonMaxLength)
            {
                problems.Add(("OverrideReason", $"Your reason must be {ReasonMaxLength:N0} characters or fewer"));
            }
        }
        else
        {
            problems.Add(("Judgement", "Say whether you agree with the band"));
        }

        var next = DateParts.Read(day, month, year);
        if (next is null)
        {
            problems.Add(("NextDay", "Enter the date of the next screening as a real date, for example 27 3 2027"));
        }
        else if (next <= today)
        {
            problems.Add(("NextDay", "The next screening must be after today"));
        }
        else if (next > today.AddYears(1))
        {
            problems.Add(("NextDay", "The next screening must be within a year"));
        }

        return new Judgement(problems.Count == 0 ? final : null, judgement == Override ? reason?.Trim() : null, next, problems);
    }

    private static string? Part(List<(string Field, string Message)> problems, string id, string part, string? value, int max, string missing, string tooLong)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add((EvidenceField(id, part), missing));
            return null;
        }

        if (text.Length > max)
        {
            problems.Add((EvidenceField(id, part), tooLong));
            return null;
        }

        return text;
    }

    private static string Shorten(string id) => id.Length > 60 ? id[..60] + "…" : id;

    /// <summary>What <see cref="Read"/> found.</summary>
    public sealed record Reading(
        IReadOnlyDictionary<string, IndicatorAnswer> Answers,
        IReadOnlyDictionary<string, SignEvidence> Evidence,
        ScreeningOutcome? Outcome,
        IReadOnlyList<(string Field, string Message)> Problems);

    /// <summary>What <see cref="ReadJudgement"/> found.</summary>
    public sealed record Judgement(RiskBand? FinalBand, string? Reason, DateOnly? NextScreeningOn, IReadOnlyList<(string Field, string Message)> Problems);
}
