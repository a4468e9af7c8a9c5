using Lantern.Accounts.Users;
using Lantern.Concerns.Notifications;
using Lantern.IntegrationTests.Accounts;
using Lantern.IntegrationTests.Infrastructure;
using MimeKit;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// An urgent concern nobody opens within the organisation's setting (30 minutes) is escalated by e-mail
/// to the deputies and the admin and shown as escalated; one opened in time is not. The app's clock is
/// moved by the test; the background job runs on it.
/// </summary>
public abstract class UrgentEscalationTests(ClockedApp app)
{
    [Fact]
    public async Task An_urgent_concern_not_opened_in_30_minutes_is_escalated_to_the_deputy_and_admin_and_one_opened_in_time_is_not()
    {
        var learner = app.NewClient();
        await DemoPeople.SignInAsync(learner, DemoPeople.EmailFor(Roles.Learner));
        var waiting = await new ConcernJourney(learner).RecordAsync("Nia Waiting", danger: true);
        var opened = await new ConcernJourney(learner).RecordAsync("Omar Opened", danger: true);
        using var dsl = app.NewClient();
        await DemoPeople.SignInAsync(dsl, DemoPeople.EmailFor(Roles.Dsl));
        await dsl.GetPageAsync($"/concerns/{opened}");

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(500);
        Assert.Null((await ConcernData.ConcernAsync(app, waiting)).EscalatedAt);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var toDeputy = await WaitForAsync(DemoPeople.EmailFor(Roles.DeputyDsl));
        var toAdmin = await WaitForAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        Assert.Contains("https://localhost/concerns", toDeputy.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Nia", toAdmin.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await ConcernData.ConcernAsync(app, waiting)).EscalatedAt);
        Assert.Null((await ConcernData.ConcernAsync(app, opened)).EscalatedAt);
        Assert.Contains(await ConcernData.AuditAsync(app, "concern.escalate"), e => e.RecordList.Contains("concern:" + waiting));
        Assert.Single(app.Mail.Messages, m => m.Subject == ConcernMail.EscalatedSubject && m.To.Mailboxes.Any(t => t.Address == DemoPeople.EmailFor(Roles.DeputyDsl)));

        // The deputy's inbox shows it as escalated (signing in now: the clock has moved past the DSL's idle timeout).
        using var later = app.NewClient();
        await DemoPeople.SignInAsync(later, DemoPeople.EmailFor(Roles.DeputyDsl));
        var inbox = await later.GetPageAsync("/concerns");
        var reference = (await ConcernData.ConcernAsync(app, waiting)).Reference;
        Assert.Contains("Escalated", inbox.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> WaitForAsync(string address)
    {
        for (var i = 0; i < 200; i++)
        {
            var message = app.Mail.Messages.FirstOrDefault(m => m.Subject == ConcernMail.EscalatedSubject && m.To.Mailboxes.Any(t => t.Address == address));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No escalation e-mail to {address}.");
    }

    public sealed class OnSqlite(ClockedSqliteApp app) : UrgentEscalationTests(app), IClassFixture<ClockedSqliteApp>;

    public sealed class OnPostgres(ClockedPostgresApp app) : UrgentEscalationTests(app), IClassFixture<ClockedPostgresApp>;
}
