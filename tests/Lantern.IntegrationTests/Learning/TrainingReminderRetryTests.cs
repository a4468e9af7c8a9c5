using Lantern.IntegrationTests.Accounts;
using Lantern.Learning.Assignments;
using Lantern.Learning.Records;
using Lantern.Learning.Reminders;
using Lantern.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// The mail server refuses (421) when a reminder is first sent: it stays in the outbox, is tried again
/// after the wait, and arrives once; later runs of the reminders and the outbox do not send it again.
/// </summary>
public abstract class TrainingReminderRetryTests(ClockedApp app)
{
    private async Task<OutboxMessage> ReminderAsync(string to) =>
        await LearningData.WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == to));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_reminder_refused_by_the_mail_server_is_sent_again_later_and_arrives_once()
    {
        var (courseId, course) = await LearningData.CourseAsync(app, "sample-course");
        var org = await LearningData.OrganisationIdAsync(app);
        var late = await LearningData.NewLearnerAsync(app, "Fen Retry");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await LearningData.WithDbAsync(app, async db =>
        {
            db.Assignments.Add(new Assignment { OrganisationId = org, CourseId = courseId, Target = AssignmentTarget.Person, PersonId = late.Id, DueOn = today.AddDays(-1), CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var subject = TrainingReminders.Subject(TrainingStatus.Overdue, course.Title);
        var reminders = app.Services.GetRequiredService<TrainingReminders>();
        var outbox = app.Services.GetRequiredService<OutboxWorker>();

        app.Mail.Refusing = true;
        try
        {
            Assert.True(await reminders.RunOnceAsync(CancellationToken.None) >= 1);
            await outbox.RunOnceAsync(CancellationToken.None);
            await WaitUntilAsync(async () => (await ReminderAsync(late.Email)).Attempts >= 1);
            var refused = await ReminderAsync(late.Email);
            Assert.Null(refused.SentAt);
            Assert.Equal("SmtpCommandException", refused.LastError);
            Assert.True(refused.NextAttemptAt > app.Clock.GetUtcNow());
            Assert.True(app.Mail.Refused >= 1);
            Assert.DoesNotContain(app.Mail.Messages, m => m.Subject == subject);
        }
        finally
        {
            app.Mail.Refusing = false;
        }

        // Not before the wait is over; then it goes.
        await outbox.RunOnceAsync(CancellationToken.None);
        Assert.Null((await ReminderAsync(late.Email)).SentAt);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await outbox.RunOnceAsync(CancellationToken.None);
        await WaitUntilAsync(async () => (await ReminderAsync(late.Email)).SentAt is not null);
        Assert.NotNull((await ReminderAsync(late.Email)).SentAt);
        var arrived = await app.Mail.WaitForMessageToAsync(late.Email, TimeSpan.FromSeconds(10));
        Assert.Equal(subject, arrived.Subject);

        await reminders.RunOnceAsync(CancellationToken.None);
        await outbox.RunOnceAsync(CancellationToken.None);
        Assert.Single(app.Mail.Messages, m => m.Subject == subject && m.To.Mailboxes.Any(t => t.Address == late.Email));
        Assert.Single(await LearningData.WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == late.Email).ToListAsync()));
    }

    public sealed class OnSqlite(RemindersSqliteApp app) : TrainingReminderRetryTests(app), IClassFixture<RemindersSqliteApp>;

    public sealed class OnPostgres(RemindersPostgresApp app) : TrainingReminderRetryTests(app), IClassFixture<RemindersPostgresApp>;
}
