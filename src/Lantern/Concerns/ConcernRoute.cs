namespace Lantern.Concerns;

/// <summary>Who a concern goes to: the safeguarding leads, or (an allegation about one of them) the allegations lead.</summary>
public enum ConcernRoute
{
    /// <summary>The DSLs and deputies, except anyone the concern is about.</summary>
    SafeguardingLeads,

    /// <summary>The organisation's named allegations lead only.</summary>
    AllegationsLead,

    /// <summary>An allegation about a safeguarding lead when no allegations lead is named: the organisation admins, except the subject.</summary>
    OrganisationAdmins,
}
