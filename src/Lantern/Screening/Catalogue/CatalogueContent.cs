using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Screening.Scoring;

namespace Lantern.Screening.Catalogue;

/// <summary>
/// Everything one version of an organisation's catalogue holds: domains, indicators (retired ones
/// kept), points, where each band starts, the recommended next step for each outcome and how soon a
/// child is screened again. Stored as JSON on the version row and never changed once published.
/// </summary>
public sealed record CatalogueContent(
    IReadOnlyList<Domain> Domains,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>> Points,
    IReadOnlyList<BandThreshold> Bands,
    IReadOnlyDictionary<string, string> NextSteps,
    int RescreenMonths)
{
    public const int DefaultRescreenMonths = 3;
    public const int IndicatorTextMaxLength = 300;
    public const int DomainNameMaxLength = 100;
    public const int DomainSummaryMaxLength = 300;
    public const int NextStepMaxLength = 1_000;

    /// <summary>The key of the next step shown when harm is indicated, beside one per band.</summary>
    public const string HarmStep = "Harm";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The shipped catalogue: version 1 of every organisation.</summary>
    public static CatalogueContent Default { get; } = new(
        DefaultCatalogue.Domains,
        DefaultCatalogue.Indicators,
        DefaultCatalogue.Scheme.Points,
        DefaultCatalogue.Scheme.Bands,
        new Dictionary<string, string>
        {
            [HarmStep] = "Refer to children's social care today: they convene any strategy discussion. Call the police on 999 if a crime is happening or a child is in immediate danger.",
            [nameof(RiskBand.Significant)] = "Refer to children's social care today: they convene any strategy discussion. Call the police on 999 if a crime is happening or a child is in immediate danger.",
            [nameof(RiskBand.Moderate)] = "Discuss the child with children's social care and consider a referral. Agree a plan with the people who work with the child.",
            [nameof(RiskBand.Mild)] = "Share what you know with the people who work with the child, plan how to reduce the risks, and consider early help. Screen again sooner if anything changes.",
            [nameof(RiskBand.NoApparentRisk)] = "Keep noticing and recording. Screen again on the next screening date, or sooner if anything changes.",
        },
        DefaultRescreenMonths);

    public ScoringScheme Scheme(int version) => new(version, Indicators, Points, Bands);

    public string NextStepFor(RiskBand band, bool harmIndicated) =>
        NextSteps.TryGetValue(harmIndicated ? HarmStep : band.ToString(), out var step) ? step : string.Empty;

    /// <summary>The indicators in use, by domain, signs of harm first (they ask for action today); domains with none in use are left out.</summary>
    public IReadOnlyList<(Domain Domain, IReadOnlyList<Indicator> Signs)> SignsByDomain()
    {
        var active = Indicators.Where(i => !i.Retired).ToList();
        return Domains
            .OrderBy(d => active.Any(i => i.Domain == d.Id && i.Kind == IndicatorKind.Harm) ? 0 : 1)
            .Select(d => (d, (IReadOnlyList<Indicator>)active.Where(i => i.Domain == d.Id).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }

    /// <summary>Problems that stop this content being published, in plain words; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Scheme(0).Problems());
        var domains = Domains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (domains.Count != Domains.Count)
        {
            problems.Add("Each domain must have its own id.");
        }

        foreach (var domain in Domains)
        {
            if (string.IsNullOrWhiteSpace(domain.Name))
            {
                problems.Add("Each domain needs a name.");
            }
            else if (domain.Name.Length > DomainNameMaxLength)
            {
                problems.Add($"The name of a domain must be {DomainNameMaxLength} characters or fewer.");
            }

            if (domain.Summary?.Length > DomainSummaryMaxLength)
            {
                problems.Add($"The summary of a domain must be {DomainSummaryMaxLength} characters or fewer.");
            }

            if (domain.Retired && Indicators.Any(i => i.Domain == domain.Id && !i.Retired))
            {
                problems.Add($"The domain \"{domain.Name}\" still has indicators in use. Retire them, or move them to another domain, before retiring it.");
            }
        }

        foreach (var name in Domains.Where(d => !string.IsNullOrWhiteSpace(d.Name)).GroupBy(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Two domains are called \"{name.Key}\". Give each domain its own name.");
        }

        foreach (var indicator in Indicators)
        {
            if (string.IsNullOrWhiteSpace(indicator.Text))
            {
                problems.Add($"Indicator '{indicator.Id}' needs its wording.");
            }
            else if (indicator.Text.Length > IndicatorTextMaxLength)
            {
                problems.Add($"The wording of an indicator must be {IndicatorTextMaxLength} characters or fewer.");
            }

            if (!domains.Contains(indicator.Domain))
            {
                problems.Add($"Indicator '{indicator.Id}' is in a domain that does not exist.");
            }

            if (!Enum.IsDefined(indicator.Kind))
            {
                problems.Add($"Indicator '{indicator.Id}' is of a kind that does not exist.");
            }
        }

        if (!Indicators.Any(i => !i.Retired))
        {
            problems.Add("Keep at least one indicator in use.");
        }

        if (RescreenMonths is < 1 or > 12)
        {
            problems.Add("The time until the next screening must be between 1 and 12 months.");
        }

        if (NextSteps.Values.Any(s => s.Length > NextStepMaxLength))
        {
            problems.Add($"Each recommended next step must be {NextStepMaxLength:N0} characters or fewer.");
        }

        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(
        new Stored
        {
            Domains = [.. Domains],
            Indicators = [.. Indicators],
            Points = Points.ToDictionary(p => p.Key, p => p.Value.ToDictionary(a => a.Key, a => a.Value)),
            Bands = [.. Bands],
            NextSteps = NextSteps.ToDictionary(s => s.Key, s => s.Value),
            RescreenMonths = RescreenMonths,
        },
        Json);

    public static CatalogueContent FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidOperationException("A catalogue version has no content.");
        return new CatalogueContent(
            stored.Domains,
            stored.Indicators,
            stored.Points.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<IndicatorAnswer, int>)p.Value),
            stored.Bands,
            stored.NextSteps,
            stored.RescreenMonths);
    }

    /// <summary>The JSON shape of the content.</summary>
    private sealed class Stored
    {
        public List<Domain> Domains { get; init; } = [];

        public List<Indicator> Indicators { get; init; } = [];

        public Dictionary<IndicatorKind, Dictionary<IndicatorAnswer, int>> Points { get; init; } = [];

        public List<BandThreshold> Bands { get; init; } = [];

        public Dictionary<string, string> NextSteps { get; init; } = [];

        public int RescreenMonths { get; init; }
    }
}
