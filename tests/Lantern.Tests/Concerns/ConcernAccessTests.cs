using Lantern.Concerns;
using Lantern.Concerns.Access;

namespace Lantern.Tests.Concerns;

/// <summary>Need-to-know: who may read, decide on and add to a concern, and that the query rule and the handler's rule agree.</summary>
public sealed class ConcernAccessTests
{
    private static readonly Guid Org = Guid.CreateVersion7();
    private static readonly Guid OtherOrg = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.CreateVersion7();
    private static readonly Guid Dsl = Guid.CreateVersion7();
    private static readonly Guid Deputy = Guid.CreateVersion7();
    private static readonly Guid Admin = Guid.CreateVersion7();
    private static readonly Guid AllegationsLead = Guid.CreateVersion7();

    private static readonly ConcernViewer AsAuthor = new(Org, Author, false, false);
    private static readonly ConcernViewer AsDsl = new(Org, Dsl, true, false);
    private static readonly ConcernViewer AsDeputy = new(Org, Deputy, true, false);
    private static readonly ConcernViewer AsAdmin = new(Org, Admin, false, true);
    private static readonly ConcernViewer AsAllegationsLead = new(Org, AllegationsLead, false, false);
    private static readonly ConcernViewer AsOtherOrgDsl = new(OtherOrg, Dsl, true, false);

    [Fact]
    public void Safeguarding_leads_of_the_organisation_handle_an_ordinary_concern_and_nobody_else_does()
    {
        var concern = NewConcern();
        Assert.True(ConcernAccess.Handles(AsDsl, concern));
        Assert.True(ConcernAccess.Handles(AsDeputy, concern));
        Assert.False(ConcernAccess.Handles(AsAuthor, concern));
        Assert.False(ConcernAccess.Handles(AsAdmin, concern));
        Assert.False(ConcernAccess.Handles(AsAllegationsLead, concern));
        Assert.False(ConcernAccess.Handles(AsOtherOrgDsl, concern));
    }

    [Fact]
    public void The_author_sees_the_status_of_their_own_concern_but_cannot_read_decide_or_add_to_it()
    {
        var concern = NewConcern();
        Assert.True(ConcernAccess.Allows(AsAuthor, concern, ConcernOperations.ReadStatus));
        Assert.False(ConcernAccess.Allows(AsAuthor, concern, ConcernOperations.Read));
        Assert.False(ConcernAccess.Allows(AsAuthor, concern, ConcernOperations.Decide));
        Assert.False(ConcernAccess.Allows(AsAuthor, concern, ConcernOperations.AddAddendum));
    }

    [Fact]
    public void A_concern_about_a_deputy_is_hidden_from_that_deputy_but_not_from_the_DSL()
    {
        var concern = NewConcern(subject: Deputy);
        Assert.False(ConcernAccess.Handles(AsDeputy, concern));
        Assert.True(ConcernAccess.Handles(AsDsl, concern));
    }

    [Fact]
    public void An_allegation_routed_to_the_allegations_lead_reaches_only_them()
    {
        var concern = NewConcern(subject: Dsl, route: ConcernRoute.AllegationsLead, routedTo: AllegationsLead);
        Assert.True(ConcernAccess.Handles(AsAllegationsLead, concern));
        Assert.False(ConcernAccess.Handles(AsDsl, concern));
        Assert.False(ConcernAccess.Handles(AsDeputy, concern));
        Assert.False(ConcernAccess.Handles(AsAdmin, concern));
    }

    [Fact]
    public void An_allegation_routed_to_the_admins_reaches_admins_only()
    {
        var concern = NewConcern(subject: Dsl, route: ConcernRoute.OrganisationAdmins);
        Assert.True(ConcernAccess.Handles(AsAdmin, concern));
        Assert.False(ConcernAccess.Handles(AsDsl, concern));
        Assert.False(ConcernAccess.Handles(AsDeputy, concern));
    }

    [Fact]
    public void A_person_who_recorded_a_concern_about_themselves_does_not_see_it()
    {
        var concern = NewConcern(subject: Author);
        Assert.False(ConcernAccess.Allows(AsAuthor, concern, ConcernOperations.ReadStatus));
    }

    [Fact]
    public void The_query_rules_and_the_handler_rules_agree_for_every_viewer_and_concern()
    {
        ConcernViewer[] viewers = [AsAuthor, AsDsl, AsDeputy, AsAdmin, AsAllegationsLead, AsOtherOrgDsl, new(Org, Admin, true, true)];
        Concern[] concerns =
        [
            NewConcern(),
            NewConcern(subject: Deputy),
            NewConcern(subject: Author),
            NewConcern(subject: Dsl, route: ConcernRoute.AllegationsLead, routedTo: AllegationsLead),
            NewConcern(subject: Dsl, route: ConcernRoute.OrganisationAdmins),
            NewConcern(subject: Admin, route: ConcernRoute.OrganisationAdmins),
            NewConcern(org: OtherOrg),
        ];
        foreach (var viewer in viewers)
        {
            var handled = ConcernAccess.HandledBy(viewer).Compile();
            var recorded = ConcernAccess.RecordedBy(viewer).Compile();
            foreach (var concern in concerns)
            {
                Assert.Equal(ConcernAccess.Handles(viewer, concern), handled(concern));
                Assert.Equal(ConcernAccess.Recorded(viewer, concern), recorded(concern));
            }
        }
    }

    [Fact]
    public void The_inbox_is_for_safeguarding_leads_admins_and_the_named_allegations_lead()
    {
        Assert.True(ConcernAccess.MayTriage(AsDsl, null));
        Assert.True(ConcernAccess.MayTriage(AsAdmin, null));
        Assert.True(ConcernAccess.MayTriage(AsAllegationsLead, AllegationsLead));
        Assert.False(ConcernAccess.MayTriage(AsAllegationsLead, null));
        Assert.False(ConcernAccess.MayTriage(AsAuthor, AllegationsLead));
    }

    private static Concern NewConcern(Guid? subject = null, ConcernRoute route = ConcernRoute.SafeguardingLeads, Guid? routedTo = null, Guid? org = null) => new()
    {
        OrganisationId = org ?? Org,
        Reference = "C-2026-000001",
        Categories = "Neglect",
        RecordedById = Author,
        SubjectPersonId = subject,
        AboutStaff = subject is not null,
        Route = route,
        RoutedToPersonId = routedTo,
        WhatHappenedKeyId = "k",
        WhatHappenedSealed = [],
        ChildsWordsKeyId = "k",
        ChildsWordsSealed = [],
    };
}
