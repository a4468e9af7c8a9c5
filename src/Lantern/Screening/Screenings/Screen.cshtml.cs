using Lantern.Accounts;
using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Security.Encryption;
using Lantern.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Screening.Screenings;

/// <summary>
/// Screening a child, from their record or from a concern: answer the indicators by domain (signs of
/// harm on their own, first), with evidence for each one seen; see the band the scheme gives and why;
/// agree or override it with a reason; set the next screening date; save. The outcome goes onto the
/// child's chronology. Nothing is stored until the DSL saves.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(3 * 1024 * 1024)]
public sealed class ScreenModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, ScreeningCatalogues catalogues, TimeProvider clock) : PageModel
{
    public const string NoticeKey = "ScreeningNotice";

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public Dictionary<string, EvidenceInput> Evidence { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid Key { get; set; }

    [BindProperty]
    public string? Judgement { get; set; }

    [BindProperty]
    public string? FinalBand { get; set; }

    [BindProperty]
    public string? OverrideReason { get; set; }

    [BindProperty]
    public string? NextDay { get; set; }

    [BindProperty]
    public string? NextMonth { get; set; }

    [BindProperty]
    public string? NextYear { get; set; }

    [FromQuery(Name = "concern")]
    public Guid? ConcernId { get; set; }

    public Child Child { get; private set; } = null!;

    public Concern? Concern { get; private set; }

    public CatalogueContent Catalogue { get; private set; } = CatalogueContent.Default;

    public int? AgeYears { get; private set; }

    /// <summary>The outcome, once the answers have been scored: the page then asks for the judgement.</summary>
    public ScreeningOutcome? Outcome { get; private set; }

    public IReadOnlyDictionary<string, IndicatorAnswer> Given { get; private set; } = new Dictionary<string, IndicatorAnswer>();

    public IReadOnlyDictionary<string, SignEvidence> GivenEvidence { get; private set; } = new Dictionary<string, SignEvidence>();

    /// <summary>Signs ticked on the concern that the current catalogue no longer has in use: shown, not answered.</summary>
    public IReadOnlyList<string> NoLongerInCatalogue { get; private set; } = [];

    /// <summary>The signs ticked on the concern, by their wording in the version it was recorded with.</summary>
    public IReadOnlyList<string> TickedOnConcern { get; private set; } = [];

    public string PathWithConcern => $"/children/{Child.Id}/screenings/new" + (Concern is null ? "" : $"?concern={Concern.Id}");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, posted: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Key = Guid.CreateVersion7();
        await CarryInFromConcernAsync(cancellationToken);
        var me = ConcernViewer.Of(User);
        var records = new List<string> { "child:" + id };
        if (Concern is not null)
        {
            records.Add("concern:" + Concern.Id);
        }

        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "screening.start", records, $"catalogue version {Version}"), cancellationToken);
        return Page();
    }

    /// <summary>Back to the answers from the outcome, everything kept.</summary>
    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, posted: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, posted: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ReadAnswers() is { } outcome)
        {
            Outcome = outcome;
            Judgement = null;
            var next = Today.AddMonths(Catalogue.RescreenMonths);
            NextDay ??= next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
            NextMonth ??= next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
            NextYear ??= next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, posted: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var me = ConcernViewer.Of(User);
        var existing = await db.ChildScreenings.AsNoTracking()
            .Where(s => s.OrganisationId == me.OrganisationId && s.ScreenedById == me.PersonId && s.IdempotencyKey == Key && s.ChildId == id)
            .Select(s => (Guid?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is { } done)
        {
            return Redirect($"/screenings/{done}");
        }

        if (ReadAnswers() is not { } outcome)
        {
            return Page();
        }

        Outcome = outcome;
        var judgement = ScreeningForm.ReadJudgement(outcome.Band, Judgement, FinalBand, OverrideReason, NextDay, NextMonth, NextYear, Today);
        foreach (var (field, message) in judgement.Problems)
        {
            ModelState.AddModelError(field, message);
        }

        if (Key == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, "This form has expired. Start the screening again.");
        }

        if (!ModelState.IsValid || judgement.FinalBand is not { } final)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var screeningId = Guid.CreateVersion7();
        var evidence = cipher.SealText(ScreeningEvidence.ToJson(GivenEvidence), ChildScreening.EvidenceContext(screeningId));
        var opinion = cipher.SealText(Opinion?.Trim() ?? string.Empty, ChildScreening.OpinionContext(screeningId));
        var reason = judgement.Reason is { } r ? cipher.SealText(r, ChildScreening.OverrideReasonContext(screeningId)) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChildScreenings.Add(new ChildScreening
        {
            Id = screeningId,
            OrganisationId = me.OrganisationId,
            ChildId = id,
            ConcernId = Concern?.Id,
            IdempotencyKey = Key,
            CatalogueVersion = Version,
            Answers = ScreeningAnswers.ToJson(Given),
            ChildAgeYears = AgeYears,
            Total = outcome.Total,
            ComputedBand = outcome.Band,
            HarmIndicated = outcome.HarmIndicated,
            FinalBand = final,
            EvidenceKeyId = evidence.KeyId,
            EvidenceSealed = evidence.Data,
            OpinionKeyId = opinion.KeyId,
            OpinionSealed = opinion.Data,
            OverrideReasonKeyId = reason?.KeyId,
            OverrideReasonSealed = reason?.Data,
            NextScreeningOn = judgement.NextScreeningOn!.Value,
            ScreenedById = me.PersonId,
            ScreenedAt = now,
        });
        db.ChronologyEntries.Add(new ChronologyEntry
        {
            OrganisationId = me.OrganisationId,
            ChildId = id,
            Kind = ChronologyKind.Screening,
            OccurredAt = now,
            RecordedAt = now,
            RecordedById = me.PersonId,
            ConcernId = Concern?.Id,
            ScreeningId = screeningId,
        });
        var records = new List<string> { "screening:" + screeningId, "child:" + id };
        if (Concern is not null)
        {
            records.Add("concern:" + Concern.Id);
        }

        await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "screening.create", records, $"catalogue version {Version}"), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form saved a moment ago (a double submit): show that screening.
            db.ChangeTracker.Clear();
            var saved = await db.ChildScreenings.AsNoTracking()
                .Where(s => s.OrganisationId == me.OrganisationId && s.ScreenedById == me.PersonId && s.IdempotencyKey == Key)
                .Select(s => (Guid?)s.Id)
                .SingleOrDefaultAsync(cancellationToken);
            if (saved is { } other)
            {
                return Redirect($"/screenings/{other}");
            }

            throw;
        }

        TempData[NoticeKey] = "Screening saved";
        return Redirect($"/screenings/{screeningId}");
    }

    public DateOnly Today => UkTime.Today(clock);

    public IndicatorAnswer AnswerFor(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Answers.TryGetValue(indicator.Id, out var value) && Enum.TryParse<IndicatorAnswer>(value, out var answer) && Enum.IsDefined(answer)
            ? answer
            : ScreeningForm.Unseen(indicator.Kind);
    }

    private ScreeningOutcome? ReadAnswers()
    {
        var reading = ScreeningForm.Read(Catalogue, Version, Answers, Evidence, Opinion, AgeYears);
        foreach (var (field, message) in reading.Problems)
        {
            ModelState.AddModelError(field, message);
        }

        Given = reading.Answers;
        GivenEvidence = reading.Evidence;
        return reading.Problems.Count == 0 ? reading.Outcome : null;
    }

    /// <summary>Finds the child (and the concern) for this person, and the catalogue version; a refusal to return, or null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool posted, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var child = await ScreeningAccess.Children(db, me).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        Concern? concern = null;
        if (child is not null && ConcernId is { } concernId)
        {
            var handled = db.Concerns.Where(ConcernAccess.HandledBy(me));
            concern = await handled.AsNoTracking()
                .Where(c => c.Id == concernId && db.ConcernChildren.Any(cc => cc.OrganisationId == me.OrganisationId && cc.ConcernId == c.Id && cc.ChildId == id))
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (child is null || (ConcernId is not null && concern is null))
        {
            await audit.RecordAccessDeniedAsync(db, User, "child:" + id, ConcernId is { } c ? "screening from concern:" + c : "screening", cancellationToken);
            return NotFound();
        }

        Child = child;
        Concern = concern;
        AgeYears = ConcernRules.AgeOn(Today, child.DateOfBirth, child.AgeYears, child.AgeGivenOn);
        if (posted && await catalogues.FindAsync(me.OrganisationId, Version, cancellationToken) is { } used)
        {
            Catalogue = used;
            return null;
        }

        if (posted)
        {
            ModelState.AddModelError(string.Empty, "This form was made from a catalogue that does not exist. Check the answers against the current catalogue and continue.");
        }

        (Version, Catalogue) = await catalogues.CurrentAsync(me.OrganisationId, cancellationToken);
        return null;
    }

    /// <summary>
    /// Signs ticked on the concern that the current catalogue still uses are answered as seen, with evidence
    /// pre-filled from the concern; ticked signs it no longer uses are listed, not answered. In concerns from
    /// before signs could be ticked, lines of "signs noticed" that name an indicator are answered the same way.
    /// </summary>
    private async Task CarryInFromConcernAsync(CancellationToken cancellationToken)
    {
        if (Concern is not { } concern)
        {
            return;
        }

        var me = ConcernViewer.Of(User);
        var recorder = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == me.OrganisationId && u.Id == concern.RecordedById)
            .Select(u => u.DisplayName)
            .SingleOrDefaultAsync(cancellationToken) ?? "The person who recorded the concern";
        var evidence = new EvidenceInput
        {
            What = $"Noted in concern {concern.Reference}, recorded {UkTime.Date(concern.RecordedAt)}. See the concern for what was seen and heard.",
            Who = concern.RaisedBy is { } raised ? $"{raised}; recorded by {recorder}" : recorder,
            When = concern.OccurredTimeKnown ? UkTime.DateAndTime(concern.OccurredAt) : UkTime.Date(concern.OccurredAt),
        };

        void Carry(Indicator indicator)
        {
            Answers[indicator.Id] = (indicator.Kind is IndicatorKind.Vulnerability or IndicatorKind.Harm ? IndicatorAnswer.Present : IndicatorAnswer.SeenWithinSixMonths).ToString();
            Evidence[indicator.Id] = new EvidenceInput { What = evidence.What, Who = evidence.Who, When = evidence.When };
        }

        var active = Catalogue.Indicators.Where(i => !i.Retired).ToDictionary(i => i.Id, StringComparer.Ordinal);
        if (concern.TickedIndicators.Count > 0)
        {
            var chosenFrom = concern.IndicatorCatalogueVersion is { } version ? await catalogues.FindAsync(me.OrganisationId, version, cancellationToken) : null;
            string TextOf(string id) => chosenFrom?.Indicators.FirstOrDefault(i => i.Id == id)?.Text ?? id;
            TickedOnConcern = concern.TickedIndicators.Select(TextOf).ToList();
            var gone = new List<string>();
            foreach (var id in concern.TickedIndicators)
            {
                if (active.TryGetValue(id, out var indicator))
                {
                    Carry(indicator);
                }
                else
                {
                    gone.Add(TextOf(id));
                }
            }

            NoLongerInCatalogue = gone;
        }

        if (concern.Indicators is not { } noticed)
        {
            return;
        }

        var lines = noticed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var indicator in active.Values.Where(i => !Answers.ContainsKey(i.Id)))
        {
            var named = lines.Any(l => string.Equals(l.TrimEnd('.'), indicator.Text.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
                || string.Equals(l, indicator.Id, StringComparison.OrdinalIgnoreCase));
            if (named)
            {
                Carry(indicator);
            }
        }
    }
}
