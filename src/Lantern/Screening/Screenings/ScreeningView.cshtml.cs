using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Screening.Screenings;

/// <summary>
/// One saved screening, read exactly as it was made: the outcome and its reasons are scored again from
/// the stored answers against the catalogue version it used, so a later version changes nothing here.
/// </summary>
public sealed class ScreeningViewModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, ScreeningCatalogues catalogues) : PageModel
{
    [TempData(Key = ScreenModel.NoticeKey)]
    public string? Notice { get; set; }

    public ChildScreening Screening { get; private set; } = null!;

    public Child Child { get; private set; } = null!;

    public string? ConcernReference { get; private set; }

    public CatalogueContent Catalogue { get; private set; } = null!;

    public ScreeningOutcome Outcome { get; private set; } = null!;

    public IReadOnlyDictionary<string, IndicatorAnswer> Answers { get; private set; } = new Dictionary<string, IndicatorAnswer>();

    public IReadOnlyDictionary<string, SignEvidence> Evidence { get; private set; } = new Dictionary<string, SignEvidence>();

    public string Opinion { get; private set; } = string.Empty;

    public string? OverrideReason { get; private set; }

    public string ScreenedBy { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var screening = await ScreeningAccess.Screenings(db, me).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (screening is null)
        {
            await audit.RecordAccessDeniedAsync(db, User, "screening:" + id, "read", cancellationToken);
            return NotFound();
        }

        Screening = screening;
        Child = await db.Children.AsNoTracking().SingleAsync(c => c.OrganisationId == me.OrganisationId && c.Id == screening.ChildId, cancellationToken);
        ConcernReference = screening.ConcernId is { } concernId
            ? await db.Concerns.Where(c => c.OrganisationId == me.OrganisationId && c.Id == concernId).Select(c => c.Reference).SingleOrDefaultAsync(cancellationToken)
            : null;
        Catalogue = await catalogues.FindAsync(me.OrganisationId, screening.CatalogueVersion, cancellationToken)
            ?? throw new InvalidOperationException("A screening names a catalogue version that does not exist.");
        Answers = ScreeningAnswers.FromJson(screening.Answers);
        Outcome = ScreeningScorer.Score(Catalogue.Scheme(screening.CatalogueVersion), Answers, screening.ChildAgeYears).Outcome
            ?? throw new InvalidOperationException("A stored screening no longer scores against its own catalogue version.");
        Evidence = ScreeningEvidence.FromJson(cipher.OpenText(screening.Evidence, ChildScreening.EvidenceContext(id)));
        Opinion = cipher.OpenText(screening.Opinion, ChildScreening.OpinionContext(id));
        OverrideReason = screening.OverrideReason is { } reason ? cipher.OpenText(reason, ChildScreening.OverrideReasonContext(id)) : null;
        ScreenedBy = await db.Users.Where(u => u.OrganisationId == me.OrganisationId && u.Id == screening.ScreenedById).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Unknown person";
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "screening.read", ["screening:" + id, "child:" + screening.ChildId]), cancellationToken);
        return Page();
    }

    /// <summary>Nothing is posted here.</summary>
    public IActionResult OnPost() => NotFound();

}
