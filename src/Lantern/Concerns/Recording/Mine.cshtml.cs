using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>The concerns a person has sent, with where each stands, and their unfinished drafts. Nothing else about them.</summary>
public sealed class MineModel(LanternDbContext db, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Concerns { get; private set; } = [];

    public IReadOnlyList<(Guid Id, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt)> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        Concerns = await db.Concerns.AsNoTracking()
            .Where(ConcernAccess.RecordedBy(me))
            .OrderByDescending(c => c.RecordedAt)
            .Take(200)
            .Select(c => new Row(c.Id, c.Reference, c.RecordedAt, c.Status, c.FirstOpenedAt != null))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var drafts = await db.ConcernDrafts.AsNoTracking()
            .Where(d => d.OrganisationId == me.OrganisationId && d.AuthorId == me.PersonId && d.ExpiresAt > now)
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new { d.Id, d.UpdatedAt, d.ExpiresAt })
            .ToListAsync(cancellationToken);
        Drafts = drafts.Select(d => (d.Id, d.UpdatedAt, d.ExpiresAt)).ToList();
        if (Concerns.Count > 0)
        {
            await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "concern.read-status", Concerns.Select(c => "concern:" + c.Id).ToList(), "my concerns"), cancellationToken);
        }
    }

    public static string StatusText(Row row) => row.Status == ConcernStatus.Decided ? "Dealt with" : row.Opened ? "Being looked at" : "Waiting to be looked at";

    public static string StatusClass(Row row) => row.Status == ConcernStatus.Decided ? "govuk-tag govuk-tag--green" : row.Opened ? "govuk-tag govuk-tag--blue" : "govuk-tag govuk-tag--yellow";

    /// <summary>One concern as its author sees it: reference, when, and where it stands.</summary>
    public sealed record Row(Guid Id, string Reference, DateTimeOffset RecordedAt, ConcernStatus Status, bool Opened);
}
