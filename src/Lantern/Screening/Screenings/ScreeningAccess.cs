using Lantern.Concerns;
using Lantern.Concerns.Access;
using Lantern.Data;

namespace Lantern.Screening.Screenings;

/// <summary>
/// Need-to-know for screenings, inside the query: only the organisation's DSLs and deputies, and only
/// for a child in a concern they handle (so a concern about a lead never opens that child to them).
/// Anything else is simply not found.
/// </summary>
public static class ScreeningAccess
{
    public static IQueryable<Child> Children(LanternDbContext db, ConcernViewer me)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsSafeguardingLead)
        {
            return db.Children.Where(_ => false);
        }

        var org = me.OrganisationId;
        var handled = db.Concerns.Where(ConcernAccess.HandledBy(me));
        var links = db.ConcernChildren.Where(cc => cc.OrganisationId == org);
        return db.Children.Where(ch => ch.OrganisationId == org
            && links.Any(cc => cc.ChildId == ch.Id && handled.Any(c => c.Id == cc.ConcernId)));
    }

    public static IQueryable<ChildScreening> Screenings(LanternDbContext db, ConcernViewer me)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = Children(db, me);
        var org = me.OrganisationId;
        return db.ChildScreenings.Where(s => s.OrganisationId == org && children.Any(ch => ch.Id == s.ChildId));
    }
}
