using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>
/// The confirmation after sending a concern: its reference, who will act on it and how to reach them,
/// and the local children's social care numbers, because anyone can refer directly.
/// </summary>
public sealed class RecordedModel(LanternDbContext db, IAuditTrail audit) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public bool Urgent { get; private set; }

    public IReadOnlyList<ConcernPeople.Contact> Handlers { get; private set; } = [];

    public bool ToAllegationsLead { get; private set; }

    public SafeguardingSettings Settings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var concern = await db.Concerns.AsNoTracking().Where(ConcernAccess.RecordedBy(me)).Where(c => c.Id == id).SingleOrDefaultAsync(cancellationToken);
        if (concern is null)
        {
            await audit.RecordAccessDeniedAsync(db, User, "concern:" + id, "confirmation", cancellationToken);
            return NotFound();
        }

        Reference = concern.Reference;
        Urgent = concern.Urgent;
        ToAllegationsLead = concern.Route != ConcernRoute.SafeguardingLeads;
        Handlers = await ConcernPeople.HandlersAsync(db, concern, cancellationToken);
        Settings = await db.SafeguardingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == me.OrganisationId, cancellationToken)
            ?? SafeguardingSettings.DefaultsFor(me.OrganisationId);
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "concern.read-status", ["concern:" + id], "confirmation"), cancellationToken);
        return Page();
    }
}
