using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Learning.Records;
using Lantern.Mail;
using Lantern.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Learning.Reminders;

/// <summary>
/// Every so often, under a lease: a learner whose required course is due soon, expired or overdue gets
/// one e-mail for that state and date; each training manager gets a weekly digest of counts. E-mails
/// go through the outbox and hold a course title, a date and a link, nothing more.
/// </summary>
public sealed partial class TrainingReminders(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<LearningOptions> options,
    IOptions<MailOptions> mail,
    ILogger<TrainingReminders> logger) : BackgroundService
{
    public const string JobName = "learning.reminders";
    public const string DigestSubject = "Training this week: your organisation's summary";
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Between a second and a day: a timer cannot wait longer than 49 days.
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.Value.ReminderCheckSeconds, 1, 86_400));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or IOException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    public static string Subject(TrainingStatus status, string course) => status switch
    {
        TrainingStatus.DueSoon => $"Your training: {course} is due soon",
        TrainingStatus.Expired => $"Your training: {course} has expired",
        _ => $"Your training: {course} is overdue",
    };

    /// <summary>Queues every reminder and digest due now; returns how many were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var now = clock.GetUtcNow();
        if (!await JobLeases.TryTakeAsync(db, JobName, _holder, now, TimeSpan.FromMinutes(10), cancellationToken))
        {
            return 0;
        }

        var records = scope.ServiceProvider.GetRequiredService<TrainingRecords>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var organisations = await db.Organisations.Select(o => o.Id).ToListAsync(cancellationToken);
        var link = mail.Value.PublicBaseUrl.TrimEnd('/');
        var queued = 0;
        foreach (var org in organisations)
        {
            var grid = await records.LoadAsync(org, new TrainingQuery(), cancellationToken);
            foreach (var row in grid.Rows.Where(r => !string.IsNullOrEmpty(r.Email)))
            {
                for (var i = 0; i < grid.Courses.Count; i++)
                {
                    if (row.Cells[i] is not { Required: true } cell || cell.State.Status is not (TrainingStatus.DueSoon or TrainingStatus.Expired or TrainingStatus.Overdue))
                    {
                        continue;
                    }

                    var state = cell.State;
                    var date = state.Status == TrainingStatus.Overdue ? state.DueOn!.Value : state.ValidUntil!.Value;
                    var course = grid.Courses[i];
                    var when = UkTime.Date(date);
                    var what = state.Status switch
                    {
                        TrainingStatus.DueSoon => $"Your training in {course.Title} runs out on {when}. Please take it again before then.",
                        TrainingStatus.Expired => $"Your training in {course.Title} ran out on {when}. Please take it again as soon as you can.",
                        _ => $"You were asked to complete {course.Title} by {when}, and it is not done yet. Please do it as soon as you can.",
                    };
                    var key = $"training:{row.PersonId:N}:{course.Id:N}:{state.Status}:{date:yyyyMMdd}";
                    if (await outbox.QueueOnceAsync(org, key, row.Email, row.Name, Subject(state.Status, course.Title),
                            $"""
                            Hello {row.Name},

                            {what}

                            Open My training in Lantern (you will be asked to sign in):
                            {link}/my-training
                            """, cancellationToken))
                    {
                        queued++;
                    }
                }
            }

            queued += await QueueDigestsAsync(db, outbox, org, grid, link, now, cancellationToken);
        }

        return queued;
    }

    private static async Task<int> QueueDigestsAsync(LanternDbContext db, MailOutbox outbox, Guid org, TrainingGrid grid, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var managers = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.OrganisationId == org && u.DisabledAt == null && r.Name == Roles.TrainingManager && u.Email != null
                select new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        if (managers.Count == 0)
        {
            return 0;
        }

        var cells = grid.Rows.Where(r => !r.Left).SelectMany(r => r.Cells).Where(c => c is { Required: true }).Select(c => c!.State.Status).ToList();
        var compliance = grid.Compliance();
        var lines = string.Join("\n", grid.Courses.Select((c, i) => $"- {c.Title}: {(compliance.Percent(i) is { } p ? p + "% compliant" : "nobody required")}"));
        var week = $"{ISOWeek.GetYear(now.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(now.UtcDateTime):00}";
        var queued = 0;
        foreach (var manager in managers)
        {
            if (await outbox.QueueOnceAsync(org, $"digest:{manager.Id:N}:{week}", manager.Email!, manager.DisplayName, DigestSubject,
                    $"""
                    Hello {manager.DisplayName},

                    This week's training summary:
                    - {cells.Count(s => s == TrainingStatus.Overdue)} overdue
                    - {cells.Count(s => s == TrainingStatus.Expired)} expired
                    - {cells.Count(s => s == TrainingStatus.DueSoon)} due soon

                    {lines}

                    See who, in the training matrix (you will be asked to sign in):
                    {link}/training
                    """, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training reminder run failed ({Error}); it runs again later.")]
    private static partial void LogFailed(ILogger logger, string error);
}
