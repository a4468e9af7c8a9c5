using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Accounts;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Assignments;
using Lantern.Learning.Reminders;
using Lantern.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// Time passes (the app's clock is moved by the test): a completed course becomes due soon and then
/// expires, an assignment becomes overdue; each learner gets one e-mail per state through the outbox
/// and a real SMTP listener, the training manager a weekly digest, and the certificate says it expired.
/// </summary>
public abstract class TrainingRemindersTests(ClockedApp app)
{
    private async Task RunJobsAsync()
    {
        await app.Services.GetRequiredService<TrainingReminders>().RunOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(CancellationToken.None);

        // Moving the clock also wakes the worker's own loop; a message it claimed first is skipped by the run
        // above and sent by it, so wait until nothing is left unsent before counting.
        for (var i = 0; i < 200 && await LearningData.WithDbAsync(app, db => db.OutboxMessages.AnyAsync(m => m.SentAt == null)); i++)
        {
            await Task.Delay(50);
        }
    }

    private int MessagesTo(string address, string subject) =>
        app.Mail.Messages.Count(m => m.Subject == subject && m.To.Mailboxes.Any(t => t.Address == address));

    [Fact]
    public async Task A_completed_course_becomes_due_soon_then_expires_and_an_unmet_assignment_becomes_overdue_each_with_one_e_mail()
    {
        var (courseId, course) = await LearningData.CourseAsync(app, "sample-course");
        var org = await LearningData.OrganisationIdAsync(app);
        var reader = await LearningData.NewLearnerAsync(app, "Dana Reminder");
        var idle = await LearningData.NewLearnerAsync(app, "Eli Overdue");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await LearningData.WithDbAsync(app, async db =>
        {
            db.Assignments.Add(new Assignment { OrganisationId = org, CourseId = courseId, Target = AssignmentTarget.Person, PersonId = reader.Id, DueOn = today.AddDays(30), CreatedAt = app.Clock.GetUtcNow() });
            db.Assignments.Add(new Assignment { OrganisationId = org, CourseId = courseId, Target = AssignmentTarget.Person, PersonId = idle.Id, DueOn = today.AddDays(30), CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        using (var client = await LearningData.SignInAsync(app, reader.Email))
        using (await LearningData.CompleteAsync(client, course))
        {
        }

        var code = await LearningData.CertificateCodeAsync(app, reader.Id);
        await RunJobsAsync();
        Assert.Equal(0, MessagesTo(reader.Email, TrainingReminders.Subject(Lantern.Learning.Records.TrainingStatus.DueSoon, course.Title)));
        Assert.Equal(1, MessagesTo(DemoPeople.EmailFor(Roles.TrainingManager), TrainingReminders.DigestSubject));

        // 31 days on: the idle learner is overdue.
        app.Clock.Advance(TimeSpan.FromDays(31));
        await RunJobsAsync();
        await RunJobsAsync();
        var overdue = TrainingReminders.Subject(Lantern.Learning.Records.TrainingStatus.Overdue, course.Title);
        Assert.Equal(1, MessagesTo(idle.Email, overdue));
        Assert.Equal(0, MessagesTo(reader.Email, overdue));
        var overdueMail = app.Mail.Messages.Single(m => m.Subject == overdue);
        Assert.Contains("https://localhost/my-training", overdueMail.TextBody, StringComparison.Ordinal);

        // Eleven months after completing: due soon (within 60 days of the end of its 12 months).
        app.Clock.Advance(TimeSpan.FromDays(300));
        await RunJobsAsync();
        await RunJobsAsync();
        Assert.Equal(1, MessagesTo(reader.Email, TrainingReminders.Subject(Lantern.Learning.Records.TrainingStatus.DueSoon, course.Title)));
        Assert.Equal(1, MessagesTo(idle.Email, overdue));

        // A year and a day after completing: expired, on the learner's page, the reminder and the certificate.
        app.Clock.Advance(TimeSpan.FromDays(35));
        await RunJobsAsync();
        Assert.Equal(1, MessagesTo(reader.Email, TrainingReminders.Subject(Lantern.Learning.Records.TrainingStatus.Expired, course.Title)));
        using (var later = await LearningData.SignInAsync(app, reader.Email))
        {
            var mine = await later.GetPageAsync("/my-training");
            Assert.Contains("Expired", mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(course.Title, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        }

        using var visitor = app.NewClient();
        Assert.Equal("This certificate has expired", (await visitor.GetPageAsync("/verify/" + code)).Text("h1"));

        var sent = await LearningData.WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == reader.Email || m.ToAddress == idle.Email).ToListAsync());
        Assert.All(sent, m => Assert.NotNull(m.SentAt));
        Assert.Equal(sent.Count, sent.Select(m => m.Key).Distinct().Count());
        Assert.All(app.Mail.Messages, m => Assert.DoesNotContain("Riverside", m.TextBody ?? string.Empty, StringComparison.Ordinal));
    }

    public sealed class OnSqlite(RemindersSqliteApp app) : TrainingRemindersTests(app), IClassFixture<RemindersSqliteApp>;

    public sealed class OnPostgres(RemindersPostgresApp app) : TrainingRemindersTests(app), IClassFixture<RemindersPostgresApp>;
}

/// <summary>A moved clock, and background runs rare enough that the test's own runs are the ones that count.</summary>
public sealed class RemindersSqliteApp() : ClockedApp(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lantern:Learning:ReminderCheckSeconds"] = "86400",
        ["Lantern:Mail:OutboxPollSeconds"] = "86400",
    };
}

public sealed class RemindersPostgresApp() : ClockedApp(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lantern:Learning:ReminderCheckSeconds"] = "86400",
        ["Lantern:Mail:OutboxPollSeconds"] = "86400",
    };
}
