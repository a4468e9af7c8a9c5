using System.Globalization;
using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Screening.Admin;

/// <summary>
/// An organisation admin edits the catalogue and scheme: renames, adds or retires domains; rewords,
/// regrades or retires indicators, adds one (in a new domain too); changes points, band starts, next steps and the rescreen interval. Publishing makes the
/// next version; nothing is stored while anything is wrong, and past screenings are untouched.
/// </summary>
[Authorize(Policy = PageServices.AdminPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(3 * 1024 * 1024)]
public sealed class EditCatalogueModel(ScreeningCatalogues catalogues) : PageModel
{
    public const int NoteMaxLength = 500;

    /// <summary>The domain choice for a new indicator that goes in the domain being added.</summary>
    public const string NewDomainChoice = "+new";

    [BindProperty]
    public List<DomainInput> Domains { get; set; } = [];

    [BindProperty]
    public DomainInput NewDomain { get; set; } = new();

    [BindProperty]
    public int BasedOn { get; set; }

    [BindProperty]
    public List<IndicatorInput> Indicators { get; set; } = [];

    [BindProperty]
    public IndicatorInput New { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Points { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public Dictionary<string, string?> Bands { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public Dictionary<string, string?> NextSteps { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? RescreenMonths { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public CatalogueContent Base { get; private set; } = CatalogueContent.Default;

    public static IReadOnlyList<IndicatorKind> ScoredKinds { get; } = [IndicatorKind.Vulnerability, IndicatorKind.ModerateRisk, IndicatorKind.SignificantRisk];

    public static IReadOnlyList<string> StepKeys { get; } = [CatalogueContent.HarmStep, .. Enum.GetValues<RiskBand>().Reverse().Select(b => b.ToString())];

    public static string PointsKey(IndicatorKind kind, IndicatorAnswer answer) => $"{kind}.{answer}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (BasedOn, Base) = await catalogues.CurrentAsync(User.GetOrganisationId(), cancellationToken);
        Domains = Base.Domains.Select(d => new DomainInput { Id = d.Id, Name = d.Name, Summary = d.Summary, Retired = d.Retired }).ToList();
        Indicators = Base.Indicators.Select(i => new IndicatorInput { Id = i.Id, Text = i.Text, Domain = i.Domain, Kind = i.Kind.ToString(), Retired = i.Retired }).ToList();
        var scheme = Base.Scheme(BasedOn);
        Points = ScoredKinds.SelectMany(k => ScoringScheme.AnswersFor(k).Select(a => (k, a)))
            .ToDictionary(p => PointsKey(p.k, p.a), p => (string?)scheme.PointsFor(p.k, p.a).ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Bands = Base.Bands.ToDictionary(b => b.Band.ToString(), b => (string?)b.From.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        NextSteps = StepKeys.ToDictionary(k => k, k => Base.NextSteps.GetValueOrDefault(k), StringComparer.Ordinal);
        RescreenMonths = Base.RescreenMonths.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        if (await catalogues.FindAsync(org, BasedOn, cancellationToken) is not { } based)
        {
            ModelState.AddModelError(string.Empty, "This form was made from a version that does not exist. Open the catalogue again.");
            (_, Base) = await catalogues.CurrentAsync(org, cancellationToken);
            return Page();
        }

        Base = based;
        var content = Read(based);
        if (!ModelState.IsValid || content is null)
        {
            return Page();
        }

        foreach (var problem in content.Problems())
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var published = await catalogues.PublishAsync(org, User.GetUserId(), BasedOn, content, Note, cancellationToken);
        if (published is not { } version)
        {
            ModelState.AddModelError(string.Empty, "Someone else published a new version while you were editing. Open the catalogue again to see their changes; nothing of yours was saved.");
            return Page();
        }

        TempData[CatalogueAdminModel.NoticeKey] = $"Version {version} published. Screenings already made keep the version they used.";
        return Redirect("/admin/screening");
    }

    /// <summary>The posted form as catalogue content, or null with the problems in the model state.</summary>
    private CatalogueContent? Read(CatalogueContent based)
    {
        var domainList = ReadDomains(based);
        var domains = domainList.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var newDomainId = domainList.Count > based.Domains.Count ? domainList[^1].Id : null;
        var posted = new Dictionary<string, IndicatorInput>(StringComparer.Ordinal);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var input = Indicators[i];
            if (input.Id is null || based.Indicators.All(x => x.Id != input.Id))
            {
                ModelState.AddModelError(string.Empty, $"The indicator '{Shorten(input.Id)}' is not in version {BasedOn}. Open the catalogue again.");
                continue;
            }

            if (!posted.TryAdd(input.Id, input))
            {
                ModelState.AddModelError(string.Empty, $"The indicator '{Shorten(input.Id)}' was sent twice.");
            }
        }

        var indicators = new List<Indicator>();
        for (var i = 0; i < based.Indicators.Count; i++)
        {
            var old = based.Indicators[i];
            if (!posted.TryGetValue(old.Id, out var input))
            {
                indicators.Add(old);
                continue;
            }

            var index = Indicators.IndexOf(input);
            var text = input.Text?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                ModelState.AddModelError($"Indicators[{index}].Text", $"Enter the wording of indicator {i + 1}");
            }
            else if (text.Length > CatalogueContent.IndicatorTextMaxLength)
            {
                ModelState.AddModelError($"Indicators[{index}].Text", $"The wording of indicator {i + 1} must be {CatalogueContent.IndicatorTextMaxLength} characters or fewer");
            }

            var kind = ParseKind(input.Kind, $"Indicators[{index}].Kind", i + 1);
            var domain = input.Domain == NewDomainChoice && newDomainId is not null ? newDomainId : input.Domain ?? string.Empty;
            if (!domains.Contains(domain))
            {
                ModelState.AddModelError($"Indicators[{index}].Domain", $"Choose a domain for indicator {i + 1}");
            }

            indicators.Add(new Indicator(old.Id, domain, kind ?? old.Kind, text, input.Retired));
        }

        var newText = New.Text?.Trim() ?? string.Empty;
        if (newText.Length > 0)
        {
            if (newText.Length > CatalogueContent.IndicatorTextMaxLength)
            {
                ModelState.AddModelError("New.Text", $"The wording of the new indicator must be {CatalogueContent.IndicatorTextMaxLength} characters or fewer");
            }

            var kind = ParseKind(New.Kind, "New.Kind", null);
            var domain = New.Domain == NewDomainChoice && newDomainId is not null ? newDomainId : New.Domain ?? string.Empty;
            if (!domains.Contains(domain))
            {
                ModelState.AddModelError("New.Domain", New.Domain == NewDomainChoice ? "Enter the name of the new domain, or choose another domain for the new indicator" : "Choose a domain for the new indicator");
            }

            if (kind is { } k)
            {
                indicators.Add(new Indicator(NewId(based), domain, k, newText));
            }
        }

        var points = new Dictionary<IndicatorKind, IReadOnlyDictionary<IndicatorAnswer, int>> { [IndicatorKind.Harm] = new Dictionary<IndicatorAnswer, int>() };
        foreach (var kind in ScoredKinds)
        {
            var answers = new Dictionary<IndicatorAnswer, int>();
            foreach (var answer in ScoringScheme.AnswersFor(kind))
            {
                var key = PointsKey(kind, answer);
                if (ReadWhole(Points.GetValueOrDefault(key), $"Points[{key}]", $"Enter the points for a {ScoringScheme.Describe(kind)} {ScoringScheme.Describe(answer)} as a whole number") is { } value)
                {
                    answers[answer] = value;
                }
            }

            points[kind] = answers;
        }

        var bands = new List<BandThreshold>();
        foreach (var band in Enum.GetValues<RiskBand>())
        {
            if (ReadWhole(Bands.GetValueOrDefault(band.ToString()), $"Bands[{band}]", $"Enter where {ScoringScheme.Describe(band)} starts as a whole number of points") is { } from)
            {
                bands.Add(new BandThreshold(band, from));
            }
        }

        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in StepKeys)
        {
            var text = NextSteps.GetValueOrDefault(key)?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                ModelState.AddModelError($"NextSteps[{key}]", "Enter the recommended next step for each outcome");
            }
            else if (text.Length > CatalogueContent.NextStepMaxLength)
            {
                ModelState.AddModelError($"NextSteps[{key}]", $"Each recommended next step must be {CatalogueContent.NextStepMaxLength:N0} characters or fewer");
            }

            steps[key] = text;
        }

        var months = ReadWhole(RescreenMonths, "RescreenMonths", "Enter the months until the next screening as a whole number");
        if (Note is { Length: > NoteMaxLength })
        {
            ModelState.AddModelError("Note", $"What changed must be {NoteMaxLength} characters or fewer");
        }

        return ModelState.IsValid && months is { } m
            ? new CatalogueContent(domainList, indicators, points, bands, steps, m)
            : null;
    }

    /// <summary>The domains as posted: each of the version's, renamed or retired, and any new one last. Problems go in the model state.</summary>
    private List<Domain> ReadDomains(CatalogueContent based)
    {
        var posted = new Dictionary<string, (DomainInput Input, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < Domains.Count; i++)
        {
            var input = Domains[i];
            if (input.Id is null || based.Domains.All(d => d.Id != input.Id))
            {
                ModelState.AddModelError(string.Empty, $"The domain '{Shorten(input.Id)}' is not in version {BasedOn}. Open the catalogue again.");
            }
            else if (!posted.TryAdd(input.Id, (input, i)))
            {
                ModelState.AddModelError(string.Empty, $"The domain '{Shorten(input.Id)}' was sent twice.");
            }
        }

        var list = new List<Domain>();
        foreach (var old in based.Domains)
        {
            if (!posted.TryGetValue(old.Id, out var found))
            {
                list.Add(old);
                continue;
            }

            var (name, summary) = CheckDomain(found.Input, $"Domains[{found.Index}]", $"domain {list.Count + 1}");
            list.Add(new Domain(old.Id, name, summary, found.Input.Retired));
        }

        if (!string.IsNullOrWhiteSpace(NewDomain.Name) || !string.IsNullOrWhiteSpace(NewDomain.Summary))
        {
            var (name, summary) = CheckDomain(NewDomain, "NewDomain", "the new domain");
            list.Add(new Domain(NewDomainId(based, name), name, summary));
        }

        foreach (var (input, index) in posted.Values.Append((NewDomain, -1)))
        {
            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (list.Count(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                ModelState.AddModelError(index < 0 ? "NewDomain.Name" : $"Domains[{index}].Name", $"Another domain is already called \"{name}\". Give each domain its own name");
            }
        }

        return list;
    }

    private (string Name, string Summary) CheckDomain(DomainInput input, string prefix, string which)
    {
        var name = input.Name?.Trim() ?? string.Empty;
        var summary = input.Summary?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            ModelState.AddModelError($"{prefix}.Name", $"Enter the name of {which}");
        }
        else if (name.Length > CatalogueContent.DomainNameMaxLength)
        {
            ModelState.AddModelError($"{prefix}.Name", $"The name of {which} must be {CatalogueContent.DomainNameMaxLength} characters or fewer");
        }

        if (summary.Length > CatalogueContent.DomainSummaryMaxLength)
        {
            ModelState.AddModelError($"{prefix}.Summary", $"The summary of {which} must be {CatalogueContent.DomainSummaryMaxLength} characters or fewer");
        }

        return (name, summary);
    }

    /// <summary>A new domain's id: its name in lower-case letters, digits and hyphens, made unique; never reused.</summary>
    private static string NewDomainId(CatalogueContent based, string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray());
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        slug = slug.Length == 0 ? "domain" : slug;
        var id = slug;
        for (var n = 2; based.Domains.Any(d => d.Id == id); n++)
        {
            id = $"{slug}-{n}";
        }

        return id;
    }

    private IndicatorKind? ParseKind(string? value, string field, int? number)
    {
        if (Enum.GetNames<IndicatorKind>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<IndicatorKind>(value!);
        }

        ModelState.AddModelError(field, number is { } n ? $"Choose the kind of indicator {n}" : "Choose the kind of the new indicator");
        return null;
    }

    private int? ReadWhole(string? value, string field, string message)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number is > -1000 and < 1000)
        {
            return number;
        }

        ModelState.AddModelError(field, message);
        return null;
    }

    private string NewId(CatalogueContent based)
    {
        var version = BasedOn + 1;
        var n = 1;
        while (based.Indicators.Any(i => i.Id == $"v{version}-{n}"))
        {
            n++;
        }

        return $"v{version}-{n}";
    }

    private static string Shorten(string? id) => id is null ? "" : id.Length > 60 ? id[..60] + "…" : id;

    /// <summary>One domain as the form posts it.</summary>
    public sealed class DomainInput
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Summary { get; set; }

        public bool Retired { get; set; }
    }

    /// <summary>One indicator as the form posts it.</summary>
    public sealed class IndicatorInput
    {
        public string? Id { get; set; }

        public string? Text { get; set; }

        public string? Domain { get; set; }

        public string? Kind { get; set; }

        public bool Retired { get; set; }
    }
}
