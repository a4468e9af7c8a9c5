using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Screening.Trend;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Screening.Screenings;

/// <summary>A child's CSE screenings: the trend as a chart, a table and a summary; when the next is due; a way to screen again.</summary>
public sealed class ChildScreeningsModel(LanternDbContext db, IAuditTrail audit, ScreeningCatalogues catalogues, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;

    public IReadOnlyList<Row> Screenings { get; private set; } = [];

    public IReadOnlyList<TrendPoint> Points { get; private set; } = [];

    public IReadOnlyList<BandThreshold> Bands { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var child = await ScreeningAccess.Children(db, me).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (child is null)
        {
            await audit.RecordAccessDeniedAsync(db, User, "child:" + id, "screenings", cancellationToken);
            return NotFound();
        }

        Child = child;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.ChildScreenings.AsNoTracking()
            .Where(s => s.OrganisationId == me.OrganisationId && s.ChildId == id)
            .OrderBy(s => s.ScreenedAt)
            .Select(s => new { s.Id, s.ScreenedAt, s.Total, s.ComputedBand, s.FinalBand, s.HarmIndicated, s.CatalogueVersion, s.NextScreeningOn })
            .ToListAsync(cancellationToken);
        Screenings = rows.Select(r => new Row(r.Id, r.ScreenedAt, r.Total, r.ComputedBand, r.FinalBand, r.HarmIndicated, r.CatalogueVersion, r.NextScreeningOn)).ToList();
        Points = Screenings.Select(r => new TrendPoint(DateOnly.FromDateTime(r.ScreenedAt.UtcDateTime), r.Total, r.ComputedBand, r.FinalBand, r.HarmIndicated, r.CatalogueVersion)).ToList();
        Bands = Screenings.Count == 0
            ? []
            : (await catalogues.FindAsync(me.OrganisationId, Screenings[^1].CatalogueVersion, cancellationToken))?.Bands ?? [];
        var records = new List<string> { "child:" + id };
        records.AddRange(Screenings.Select(s => "screening:" + s.Id));
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "screening.list", records), cancellationToken);
        return Page();
    }

    /// <summary>Nothing is posted here.</summary>
    public IActionResult OnPost() => NotFound();

    /// <summary>One screening as the table lists it.</summary>
    public sealed record Row(Guid Id, DateTimeOffset ScreenedAt, int Total, RiskBand ComputedBand, RiskBand FinalBand, bool HarmIndicated, int CatalogueVersion, DateOnly NextScreeningOn);
}
