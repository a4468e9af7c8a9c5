using Lantern.Accounts.Users;
using Lantern.Concerns.Notifications;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// Concern e-mails go through the outbox: written with the concern, sent by the worker to a real SMTP
/// listener; while the mail server refuses, the concern is still saved and the e-mail waits and is tried
/// again, then arrives once when the server is back.
/// </summary>
public abstract class ConcernMailOutboxTests(LanternApp app)
{
    [Fact]
    public async Task A_failing_mail_server_never_stops_a_concern_and_the_email_arrives_once_it_is_back()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        app.Mail.Refusing = true;
        Guid id;
        try
        {
            id = await new ConcernJourney(learner).RecordAsync("Olive Outbox");
            var dsl = DemoPeople.EmailFor(Roles.Dsl);

            // The e-mails were written with the concern; the worker tries, is refused, and tries again later.
            var queued = await ConcernData.WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().Where(m => m.Body.Contains(id.ToString())).ToListAsync());
            Assert.Contains(queued, m => m.ToAddress == dsl && m.Subject == ConcernMail.WaitingSubject);
            Assert.Contains(queued, m => m.ToAddress == DemoPeople.EmailFor(Roles.DeputyDsl));
            await WaitUntilAsync(async () => (await RowToAsync(dsl, id)).Attempts >= 2);
            var failing = await RowToAsync(dsl, id);
            Assert.Null(failing.SentAt);
            Assert.Equal("SmtpCommandException", failing.LastError);
            Assert.DoesNotContain(app.Mail.Messages, m => (m.TextBody ?? "").Contains(id.ToString(), StringComparison.Ordinal));
        }
        finally
        {
            app.Mail.Refusing = false;
        }

        var arrived = await app.Mail.WaitForMessageToAsync(DemoPeople.EmailFor(Roles.Dsl), TimeSpan.FromSeconds(30), id.ToString());
        Assert.Contains($"https://localhost/concerns/{id}", arrived.TextBody, StringComparison.Ordinal);
        await WaitUntilAsync(async () => (await RowToAsync(DemoPeople.EmailFor(Roles.DeputyDsl), id)).SentAt is not null);
        Assert.NotNull((await RowToAsync(DemoPeople.EmailFor(Roles.Dsl), id)).SentAt);
        Assert.Single(app.Mail.Messages, m => m.To.Mailboxes.Any(t => t.Address == DemoPeople.EmailFor(Roles.Dsl)) && (m.TextBody ?? "").Contains(id.ToString(), StringComparison.Ordinal));
        Assert.True(app.Mail.Refused >= 2);
    }

    [Fact]
    public async Task Runs_of_the_outbox_at_the_same_time_send_each_message_once()
    {
        var to = $"twice-{Guid.NewGuid():N}@example.org";
        await ConcernData.WithDbAsync(app, async db =>
        {
            var outbox = new Lantern.Mail.MailOutbox(db, app.Services.GetRequiredService<Lantern.Mail.OutboxSignal>(), TimeProvider.System);
            for (var i = 0; i < 10; i++)
            {
                outbox.Add(null, to, "Twice", $"Message {i}", "Body");
            }

            return await db.SaveChangesAsync();
        });

        var worker = app.Services.GetRequiredService<Lantern.Mail.OutboxWorker>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.RunOnceAsync(CancellationToken.None))));
        await WaitUntilAsync(async () => await ConcernData.WithDbAsync(app, db => db.OutboxMessages.CountAsync(m => m.ToAddress == to && m.SentAt != null)) == 10);

        var received = app.Mail.Messages.Where(m => m.To.Mailboxes.Any(t => t.Address == to)).Select(m => m.Subject).ToList();
        Assert.Equal(10, received.Count);
        Assert.Equal(10, received.Distinct().Count());
    }

    private Task<Lantern.Mail.OutboxMessage> RowToAsync(string address, Guid concern) =>
        ConcernData.WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == address && m.Body.Contains(concern.ToString())));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox did not get there in 30 seconds.");
    }

    public sealed class OnSqlite(FastOutboxSqliteApp app) : ConcernMailOutboxTests(app), IClassFixture<FastOutboxSqliteApp>;

    public sealed class OnPostgres(FastOutboxPostgresApp app) : ConcernMailOutboxTests(app), IClassFixture<FastOutboxPostgresApp>;
}

/// <summary>The app with the outbox polling every second and retrying after a second, so retries happen within a test.</summary>
public sealed class FastOutboxSqliteApp() : FastOutboxApp(DatabaseProvider.Sqlite);

public sealed class FastOutboxPostgresApp() : FastOutboxApp(DatabaseProvider.Postgres);

public abstract class FastOutboxApp(DatabaseProvider provider) : LanternApp(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lantern:Mail:OutboxPollSeconds"] = "1",
        ["Lantern:Mail:OutboxRetrySeconds"] = "1",
        ["Lantern:Mail:OutboxRetryMaxMinutes"] = "1",
    };
}
