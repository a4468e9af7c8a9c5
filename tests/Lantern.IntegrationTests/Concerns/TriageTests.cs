using System.Net;
using Lantern.Accounts.Users;
using Lantern.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>The safeguarding leads' inbox, the concern page, decisions with reasons, addenda that keep the original, and each child's chronology.</summary>
public abstract class TriageTests(LanternApp app)
{
    [Fact]
    public async Task The_inbox_lists_urgent_concerns_first_then_the_oldest_and_opening_one_shows_everything_recorded()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var ordinary = await new ConcernJourney(learner).RecordAsync("Hana Ordinary");
        var urgent = await new ConcernJourney(learner).RecordAsync("Ivan Urgent", danger: true);
        var dsl = await app.SignedInAsAsync(Roles.Dsl);

        var inbox = await dsl.GetPageAsync("/concerns");
        var rows = inbox.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        var urgentRow = rows.FindIndex(r => r.Contains("Ivan Urgent", StringComparison.Ordinal));
        var ordinaryRow = rows.FindIndex(r => r.Contains("Hana Ordinary", StringComparison.Ordinal));
        Assert.True(urgentRow >= 0 && ordinaryRow >= 0 && urgentRow < ordinaryRow, string.Join(" / ", rows));
        Assert.Contains("Urgent", rows[urgentRow], StringComparison.Ordinal);
        Assert.Contains(await ConcernData.AuditAsync(app, "concern.list"), e => e.RecordList.Contains("concern:" + urgent) && e.RecordList.Contains("concern:" + ordinary));

        var page = await dsl.GetPageAsync($"/concerns/{ordinary}");
        Assert.Equal("Saw a bruise on her left arm at swimming.", page.Text("#what-happened"));
        Assert.Equal("Mum's friend did it.", page.Text("#childs-words"));
        var main = page.Text("main");
        Assert.Contains("Uses Makaton", main, StringComparison.Ordinal);
        Assert.Contains("Jo Bloggs", main, StringComparison.Ordinal);
        Assert.Contains("Mother and father", main, StringComparison.Ordinal);
        Assert.Contains("Alex Morgan", main, StringComparison.Ordinal);
        Assert.NotNull((await ConcernData.ConcernAsync(app, ordinary)).FirstOpenedAt);
        Assert.Contains(await ConcernData.AuditAsync(app, "concern.read"), e => e.RecordList.Contains("concern:" + ordinary) && e.RecordList.Any(r => r.StartsWith("child:", StringComparison.Ordinal)));

        var mine = await learner.GetPageAsync("/concerns/mine");
        var reference = (await ConcernData.ConcernAsync(app, ordinary)).Reference;
        Assert.Contains("Being looked at", mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_needs_reasons_then_takes_the_concern_out_of_the_inbox_and_goes_into_the_chronology()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var id = await new ConcernJourney(learner).RecordAsync("Jack Decided");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var form = await dsl.GetPageAsync($"/concerns/{id}/decision");

        using var empty = await dsl.SubmitAsync(form, "main form", [new("Input.Type", "ReferToChildrensSocialCare")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await Html.ParseAsync(empty);
        Assert.Equal("Enter the reasons for the decision", refused.ErrorSummary().Single());
        Assert.NotNull(refused.QuerySelector("input[value='ReferToChildrensSocialCare'][checked]"));
        Assert.False(await ConcernData.WithDbAsync(app, db => db.Decisions.AnyAsync(d => d.ConcernId == id)));

        using var decided = await dsl.SubmitAsync(form, "main form", [new("Input.Type", "ReferToChildrensSocialCare"), new("Input.Rationale", "Injury and disclosure: threshold met for a section 47 enquiry.")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var page = await dsl.GetPageAsync($"/concerns/{id}");
        Assert.Contains("Decision recorded: Refer to children's social care", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("threshold met", page.Text("main"), StringComparison.Ordinal);
        var concern = await ConcernData.ConcernAsync(app, id);
        Assert.Equal(ConcernStatus.Decided, concern.Status);
        Assert.DoesNotContain(concern.Reference, (await dsl.GetPageAsync("/concerns")).Text("main"), StringComparison.Ordinal);
        Assert.Contains("Dealt with", (await learner.GetPageAsync("/concerns/mine")).Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("threshold", (await learner.GetPageAsync("/concerns/mine")).Text("main"), StringComparison.Ordinal);
        Assert.Contains(await ConcernData.AuditAsync(app, "concern.decide"), e => e.RecordList.Contains("concern:" + id));
    }

    [Fact]
    public async Task An_addendum_keeps_the_original_words_and_shows_who_added_it()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var id = await new ConcernJourney(learner).RecordAsync("Kim Addendum");
        var deputy = await app.SignedInAsAsync(Roles.DeputyDsl);
        var form = await deputy.GetPageAsync($"/concerns/{id}/addendum");
        using var empty = await deputy.SubmitAsync(form, "main form", []);
        Assert.Equal("Enter the addendum", (await Html.ParseAsync(empty)).ErrorSummary().Single());

        using var added = await deputy.SubmitAsync(form, "main form", [new("Text", "Correction: it was her right arm, not her left.")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await deputy.GetPageAsync($"/concerns/{id}");
        Assert.Equal("Saw a bruise on her left arm at swimming.", page.Text("#what-happened"));
        var addendum = page.QuerySelectorAll("main .govuk-inset-text").Single().TextContent;
        Assert.Contains("right arm", addendum, StringComparison.Ordinal);
        Assert.Contains("Tom Reid", addendum, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chronology_puts_a_backdated_concern_where_it_happened_with_decisions_and_addenda()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var first = await new ConcernJourney(learner).RecordAsync("Lola Chronology", whatHappened: ConcernJourney.WhatHappened(day: "25", month: "11", year: "2026"));
        var childId = await ConcernData.WithDbAsync(app, db => db.ConcernChildren.Where(cc => cc.ConcernId == first).Select(cc => cc.ChildId).SingleAsync());
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        using (var decided = await dsl.SubmitAsync(await dsl.GetPageAsync($"/concerns/{first}/decision"), "main form", [new("Input.Type", "Monitor"), new("Input.Rationale", "Watch and record.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        // Recorded later, but it happened earlier: it goes before the first concern.
        var backdated = await new ConcernJourney(learner).RecordAsync("Lola", existingChildId: childId.ToString(), whatHappened: ConcernJourney.WhatHappened(day: "2", month: "3", year: "2026", text: "An earlier incident, written down late."));
        var chronology = await dsl.GetPageAsync($"/children/{childId}/chronology");
        var rows = chronology.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        var references = await ConcernData.WithDbAsync(app, db => db.Concerns.Where(c => c.Id == first || c.Id == backdated).ToDictionaryAsync(c => c.Id, c => c.Reference));
        Assert.Equal(3, rows.Count);
        Assert.Contains(references[backdated], rows[0], StringComparison.Ordinal);
        Assert.Contains("Concern recorded", rows[1], StringComparison.Ordinal);
        Assert.Contains(references[first], rows[1], StringComparison.Ordinal);
        Assert.Contains("Decision: Monitor", rows[2], StringComparison.Ordinal);
        Assert.Contains(await ConcernData.AuditAsync(app, "chronology.read"), e => e.RecordList.Contains("child:" + childId));

        using var learnerRead = await learner.GetAsync(new Uri($"/children/{childId}/chronology", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, learnerRead.StatusCode);
    }

    [Fact]
    public async Task Times_typed_and_shown_are_uk_local_time_in_summer_and_winter()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var summer = await new ConcernJourney(learner).RecordAsync("Uma Summer", whatHappened: ConcernJourney.WhatHappened(day: "15", month: "6", year: "2026"));
        var winter = await new ConcernJourney(learner).RecordAsync("Wes Winter", whatHappened: ConcernJourney.WhatHappened(day: "15", month: "1", year: "2026"));

        // 14:30 typed in June is BST (13:30 UTC); in January it is GMT (14:30 UTC). Both read back as 2:30pm.
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 13, 30, 0, TimeSpan.Zero), (await ConcernData.ConcernAsync(app, summer)).OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 14, 30, 0, TimeSpan.Zero), (await ConcernData.ConcernAsync(app, winter)).OccurredAt);
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        Assert.Contains("15 June 2026 at 2:30pm", (await dsl.GetPageAsync($"/concerns/{summer}")).Text("main"), StringComparison.Ordinal);
        Assert.Contains("15 January 2026 at 2:30pm", (await dsl.GetPageAsync($"/concerns/{winter}")).Text("main"), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : TriageTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TriageTests(app), IClassFixture<PostgresApp>;
}
