using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lantern.Concerns.Access;

/// <summary>
/// Need-to-know, as one rule used two ways: as an expression inside every query (so a record a person
/// may not see is never loaded), and as a function for the per-record authorization handler.
/// A concern is handled by the people it is routed to, never by the person it is about, and never
/// outside its organisation. The person who recorded it sees its status and nothing else.
/// </summary>
public static class ConcernAccess
{
    /// <summary>Concerns the viewer may read in full, decide on and add addenda to.</summary>
    public static Expression<Func<Concern, bool>> HandledBy(ConcernViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var org = viewer.OrganisationId;
        var me = viewer.PersonId;
        var lead = viewer.IsSafeguardingLead;
        var admin = viewer.IsOrganisationAdmin;
        return c => c.OrganisationId == org
            && (c.SubjectPersonId == null || c.SubjectPersonId != me)
            && ((c.Route == ConcernRoute.SafeguardingLeads && lead)
                || (c.Route == ConcernRoute.AllegationsLead && c.RoutedToPersonId == me)
                || (c.Route == ConcernRoute.OrganisationAdmins && admin));
    }

    /// <summary>Concerns whose status the viewer may see: the ones they recorded (unless, oddly, about themselves).</summary>
    public static Expression<Func<Concern, bool>> RecordedBy(ConcernViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var org = viewer.OrganisationId;
        var me = viewer.PersonId;
        return c => c.OrganisationId == org && c.RecordedById == me && (c.SubjectPersonId == null || c.SubjectPersonId != me);
    }

    public static bool Handles(ConcernViewer viewer, Concern concern)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(concern);
        return concern.OrganisationId == viewer.OrganisationId
            && concern.SubjectPersonId != viewer.PersonId
            && concern.Route switch
            {
                ConcernRoute.SafeguardingLeads => viewer.IsSafeguardingLead,
                ConcernRoute.AllegationsLead => concern.RoutedToPersonId == viewer.PersonId,
                ConcernRoute.OrganisationAdmins => viewer.IsOrganisationAdmin,
                _ => false,
            };
    }

    public static bool Recorded(ConcernViewer viewer, Concern concern)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(concern);
        return concern.OrganisationId == viewer.OrganisationId
            && concern.RecordedById == viewer.PersonId
            && concern.SubjectPersonId != viewer.PersonId;
    }

    /// <summary>May the viewer do this to the concern?</summary>
    public static bool Allows(ConcernViewer viewer, Concern concern, OperationAuthorizationRequirement operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Name switch
        {
            nameof(ConcernOperations.Read) or nameof(ConcernOperations.Decide) or nameof(ConcernOperations.AddAddendum) => Handles(viewer, concern),
            nameof(ConcernOperations.ReadStatus) => Recorded(viewer, concern) || Handles(viewer, concern),
            _ => false,
        };
    }

    /// <summary>May the viewer open the triage inbox at all: a safeguarding lead, an admin, or the named allegations lead.</summary>
    public static bool MayTriage(ConcernViewer viewer, Guid? allegationsLeadId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsSafeguardingLead || viewer.IsOrganisationAdmin || allegationsLeadId == viewer.PersonId;
    }
}
