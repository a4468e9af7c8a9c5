using System.Net;
using System.Text;
using Lantern.Accounts.Users;
using Lantern.Concerns;
using Lantern.Concerns.Notifications;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// Any member of staff records a concern step by step; it is saved once however often it is sent,
/// sealed at rest, audited, routed to the right people (never to the person it is about), and they
/// are told by an e-mail with a link and no details.
/// </summary>
public abstract class RecordingConcernTests(LanternApp app)
{
    [Fact]
    public async Task A_learner_records_a_concern_and_sees_the_reference_and_who_to_phone_and_the_leads_get_an_e_mail_with_no_details()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        var id = await journey.RecordAsync("Amelia Recorded");

        var confirmation = await learner.GetPageAsync($"/concerns/{id}/recorded");
        var concern = await ConcernData.ConcernAsync(app, id);
        Assert.Equal("Concern sent", confirmation.Text("h1"));
        Assert.Contains(concern.Reference, confirmation.Text(".govuk-panel__body"), StringComparison.Ordinal);
        Assert.Matches(@"^C-\d{4}-\d{6}$", concern.Reference);
        var main = confirmation.Text("main");
        Assert.Contains("Priya Shah", main, StringComparison.Ordinal);
        Assert.Contains("01632 960 101", main, StringComparison.Ordinal);
        Assert.Contains("Tom Reid", main, StringComparison.Ordinal);
        Assert.Contains("01632 960 200", main, StringComparison.Ordinal);
        Assert.Contains("01632 960 299", main, StringComparison.Ordinal);
        Assert.Contains("anyone can refer directly", main, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Dsl, Roles.DeputyDsl })
        {
            var mail = await app.Mail.WaitForMessageToAsync(DemoPeople.EmailFor(role), containing: id.ToString());
            Assert.Equal(ConcernMail.WaitingSubject, mail.Subject);
            Assert.Contains($"https://localhost/concerns/{id}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Amelia", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("bruise", mail.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(concern.Reference, mail.TextBody, StringComparison.Ordinal);
        }

        // Sealed at rest: the words typed are not in the row.
        Assert.DoesNotContain("bruise", Encoding.UTF8.GetString(concern.WhatHappenedSealed), StringComparison.Ordinal);
        Assert.DoesNotContain("friend", Encoding.UTF8.GetString(concern.ChildsWordsSealed), StringComparison.Ordinal);
        Assert.False(await ConcernData.WithDbAsync(app, db => db.ConcernDrafts.AnyAsync(d => d.Id == journey.DraftId)));
        Assert.Contains(await ConcernData.AuditAsync(app, "concern.create"), e => e.RecordList.Contains("concern:" + id));

        var mine = await learner.GetPageAsync("/concerns/mine");
        Assert.Contains(concern.Reference, mine.Text("main table"), StringComparison.Ordinal);
        Assert.Contains("Waiting to be looked at", mine.Text("main table"), StringComparison.Ordinal);
        Assert.DoesNotContain("bruise", mine.Text("main"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sending_the_same_concern_twice_or_replaying_the_send_makes_one_concern()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Billy Twice");
        await journey.ContinueFromChildrenAsync();
        using (var what = await journey.PostWhatHappenedAsync(ConcernJourney.WhatHappened()))
        {
            Assert.Equal(HttpStatusCode.Redirect, what.StatusCode);
        }

        var check = await learner.GetPageAsync(journey.StepPath("check"));
        var token = check.QuerySelector("main form[action*='handler=Submit'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        async Task<HttpResponseMessage> SendAsync()
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("IdempotencyKey", journey.DraftId.ToString())]);
            return await learner.PostAsync(new Uri(journey.StepPath("check") + "?handler=Submit", UriKind.Relative), content);
        }

        var sent = await Task.WhenAll(SendAsync(), SendAsync());
        using var replay = await SendAsync();
        var locations = sent.Append(replay).Select(r => r.Headers.Location?.OriginalString).ToList();
        Assert.All(sent.Append(replay), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(locations.Distinct());
        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
        foreach (var response in sent)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Answering_yes_to_immediate_danger_says_to_call_999_first_and_marks_the_concern_urgent()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        using var answered = await journey.PostStepAsync("danger", [new("Input.ImmediateDanger", "yes")]);
        var call = await learner.GetPageAsync(answered.Headers.Location!.OriginalString);
        Assert.Equal("Call 999 now", call.Text("h1"));

        var id = await new ConcernJourney(learner).RecordAsync("Cara Urgent", danger: true);
        Assert.True((await ConcernData.ConcernAsync(app, id)).Urgent);
    }

    [Fact]
    public async Task An_allegation_about_the_DSL_goes_only_to_the_allegations_lead_and_is_hidden_from_the_DSL()
    {
        var dslId = await ConcernData.PersonIdAsync(app, Roles.Dsl);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var id = await new ConcernJourney(learner).RecordAsync("Dana Allegation", subject: dslId);

        var concern = await ConcernData.ConcernAsync(app, id);
        Assert.Equal(ConcernRoute.AllegationsLead, concern.Route);
        Assert.Equal(await ConcernData.PersonIdAsync(app, Roles.OrganisationAdmin), concern.RoutedToPersonId);
        var mail = await app.Mail.WaitForMessageToAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin), containing: id.ToString());
        Assert.Contains($"/concerns/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Mail.Messages, m => m.To.Mailboxes.Any(t => t.Address == DemoPeople.EmailFor(Roles.Dsl)) && (m.TextBody ?? "").Contains(id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(app.Mail.Messages, m => m.To.Mailboxes.Any(t => t.Address == DemoPeople.EmailFor(Roles.DeputyDsl)) && (m.TextBody ?? "").Contains(id.ToString(), StringComparison.Ordinal));

        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        using var read = await dsl.GetAsync(new Uri($"/concerns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(concern.Reference, (await dsl.GetPageAsync("/concerns")).Text("main"), StringComparison.Ordinal);
        var deputy = await app.SignedInAsAsync(Roles.DeputyDsl);
        using var deputyRead = await deputy.GetAsync(new Uri($"/concerns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, deputyRead.StatusCode);
        Assert.Contains(await ConcernData.AuditAsync(app, "access.denied"), e => e.RecordList.Contains("concern:" + id) && e.ActorId == dslId);

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        Assert.Contains(concern.Reference, (await admin.GetPageAsync("/concerns")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(concern.Reference, (await admin.GetPageAsync($"/concerns/{id}")).Text("h1"));
    }

    [Fact]
    public async Task A_concern_about_the_deputy_is_hidden_from_the_deputy_and_reaches_the_DSL()
    {
        var deputyId = await ConcernData.PersonIdAsync(app, Roles.DeputyDsl);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        // The deputy is a safeguarding lead, so this goes to the allegations lead too.
        var id = await new ConcernJourney(learner).RecordAsync("Eve About Deputy", subject: deputyId);
        var deputy = await app.SignedInAsAsync(Roles.DeputyDsl);
        using var read = await deputy.GetAsync(new Uri($"/concerns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(ConcernRoute.AllegationsLead, (await ConcernData.ConcernAsync(app, id)).Route);
    }

    [Fact]
    public async Task A_concern_about_a_member_of_staff_who_is_not_a_lead_goes_to_the_leads_and_is_hidden_from_that_person()
    {
        var authorId = await ConcernData.PersonIdAsync(app, Roles.TrainingManager);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var id = await new ConcernJourney(learner).RecordAsync("Finn About Staff", subject: authorId);
        Assert.Equal(ConcernRoute.SafeguardingLeads, (await ConcernData.ConcernAsync(app, id)).Route);
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        using var read = await dsl.GetAsync(new Uri($"/concerns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_its_author_and_never_in_the_inbox()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(true);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Gina Draft");

        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        using var other = await dsl.GetAsync(new Uri(journey.StepPath("check"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Gina Draft", (await dsl.GetPageAsync("/concerns")).Text("main"), StringComparison.Ordinal);
        var draft = await ConcernData.WithDbAsync(app, db => db.ConcernDrafts.AsNoTracking().SingleAsync(d => d.Id == journey.DraftId));
        Assert.DoesNotContain("Gina", Encoding.UTF8.GetString(draft.ContentSealed), StringComparison.Ordinal);
        Assert.Contains("Gina Draft", (await learner.GetPageAsync(journey.StepPath("children"))).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_happened_links_to_the_warning_signs_and_the_course_chapter_on_them_and_both_open()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Hana Link");
        await journey.ContinueFromChildrenAsync();

        var step = await learner.GetPageAsync(journey.StepPath("what-happened"));

        foreach (var href in new[] { "/warning-signs", "/learn/cse/course-book/assessing-the-situation" })
        {
            Assert.NotNull(step.QuerySelector($"main a[href='{href}']"));
            var target = await learner.GetPageAsync(href);
            Assert.Contains("warning signs", target.Text("main"), StringComparison.OrdinalIgnoreCase);
        }
    }

    public sealed class OnSqlite(SqliteApp app) : RecordingConcernTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RecordingConcernTests(app), IClassFixture<PostgresApp>;
}
