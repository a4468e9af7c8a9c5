using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Screenings;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>
/// A child's chronology: every concern, decision, addendum and screening, in the order things happened (a
/// backdated entry sits where it happened, not where it was written). Only entries from concerns the
/// viewer handles are shown; a child with none of those is not found.
/// </summary>
public sealed class ChronologyModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher) : PageModel
{
    public Child Child { get; private set; } = null!;

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.OrganisationId == me.OrganisationId && c.Id == id, cancellationToken);
        var handled = db.Concerns.Where(ConcernAccess.HandledBy(me));
        var entries = child is null ? [] : await (
                from e in db.ChronologyEntries
                join c in handled on new { e.OrganisationId, Id = e.ConcernId } equals new { c.OrganisationId, Id = (Guid?)c.Id }
                where e.OrganisationId == me.OrganisationId && e.ChildId == id && e.Kind != ChronologyKind.Screening
                orderby e.OccurredAt, e.RecordedAt
                select new { Entry = e, c.Reference, c.Categories, c.Urgent })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (child is null || entries.Count == 0)
        {
            await audit.RecordAccessDeniedAsync(db, User, "child:" + id, "chronology", cancellationToken);
            return NotFound();
        }

        Child = child;
        // Screenings: for the safeguarding leads only, whether started from a concern or the child's record.
        var screeningEntries = !me.IsSafeguardingLead ? [] : await (
                from e in db.ChronologyEntries
                join s in db.ChildScreenings on new { e.OrganisationId, Id = e.ScreeningId } equals new { s.OrganisationId, Id = (Guid?)s.Id }
                where e.OrganisationId == me.OrganisationId && e.ChildId == id && e.Kind == ChronologyKind.Screening
                select new { Entry = e, Screening = s })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var screeningConcernIds = screeningEntries.Where(e => e.Entry.ConcernId is not null).Select(e => e.Entry.ConcernId!.Value).Distinct().ToList();
        var screeningConcerns = await db.Concerns.AsNoTracking()
            .Where(c => c.OrganisationId == me.OrganisationId && screeningConcernIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        var decisionIds = entries.Where(e => e.Entry.DecisionId is not null).Select(e => e.Entry.DecisionId!.Value).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.OrganisationId == me.OrganisationId && decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var addendumIds = entries.Where(e => e.Entry.AddendumId is not null).Select(e => e.Entry.AddendumId!.Value).ToList();
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.OrganisationId == me.OrganisationId && addendumIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var people = entries.Select(e => e.Entry.RecordedById).Concat(screeningEntries.Select(e => e.Entry.RecordedById)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => u.OrganisationId == me.OrganisationId && people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var concernLines = entries.Select(e => new Line(
                e.Entry.OccurredAt,
                e.Entry.RecordedAt,
                e.Entry.ConcernId,
                e.Reference,
                null,
                e.Entry.Kind switch
                {
                    ChronologyKind.ConcernRecorded => "Concern recorded" + (e.Urgent ? " (urgent)" : ""),
                    ChronologyKind.Decision => "Decision: " + (decisions.TryGetValue(e.Entry.DecisionId!.Value, out var d) ? ConcernRules.DecisionTitle(d.Type) : ""),
                    _ => "Addendum",
                },
                e.Entry.Kind switch
                {
                    ChronologyKind.ConcernRecorded => string.Join(", ", ConcernRules.ParseCategories(e.Categories).Select(ConcernRules.CategoryTitle)),
                    ChronologyKind.Decision => decisions.TryGetValue(e.Entry.DecisionId!.Value, out var d) ? cipher.OpenText(d.Rationale, Decision.RationaleContext(d.Id)) : "",
                    _ => addenda.TryGetValue(e.Entry.AddendumId!.Value, out var a) ? cipher.OpenText(a.Text, Addendum.TextContext(a.Id)) : "",
                },
                names.GetValueOrDefault(e.Entry.RecordedById, "Unknown person")));
        var screeningLines = screeningEntries.Select(e => new Line(
                e.Entry.OccurredAt,
                e.Entry.RecordedAt,
                e.Entry.ConcernId,
                e.Entry.ConcernId is { } c ? screeningConcerns.GetValueOrDefault(c) : null,
                e.Screening.Id,
                ScreeningLines.What(e.Screening),
                ScreeningLines.Detail(e.Screening, cipher),
                names.GetValueOrDefault(e.Entry.RecordedById, "Unknown person")));
        Lines = concernLines.Concat(screeningLines).OrderBy(l => l.OccurredAt).ThenBy(l => l.RecordedAt).ToList();

        var records = new List<string> { "child:" + id };
        records.AddRange(entries.Select(e => "concern:" + e.Entry.ConcernId).Distinct());
        records.AddRange(screeningEntries.Select(e => "screening:" + e.Screening.Id));
        records.AddRange(decisionIds.Select(d => "decision:" + d));
        records.AddRange(addendumIds.Select(a => "addendum:" + a));
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "chronology.read", records), cancellationToken);
        return Page();
    }

    /// <summary>One line of the chronology as shown.</summary>
    public sealed record Line(DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, Guid? ConcernId, string? Reference, Guid? ScreeningId, string What, string Detail, string By);
}
