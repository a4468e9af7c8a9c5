using Lantern.Audit;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Concerns.Notifications;

/// <summary>
/// Every so often: an urgent concern that nobody has opened within the organisation's setting (30
/// minutes by default) is marked escalated and the deputies and admins are e-mailed; drafts older than
/// 7 days are deleted. Only the node holding the lease does it, so several nodes never double up.
/// </summary>
public sealed partial class UrgentConcernEscalation(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ConcernOptions> options,
    ILogger<UrgentConcernEscalation> logger) : BackgroundService
{
    public const string JobName = "concerns.escalation";
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.EscalationCheckSeconds));
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

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var now = clock.GetUtcNow();
        if (!await JobLeases.TryTakeAsync(db, JobName, _holder, now, TimeSpan.FromMinutes(2), cancellationToken))
        {
            return;
        }

        await db.ConcernAttachments.Where(a => a.DraftId != null && db.ConcernDrafts.Any(d => d.Id == a.DraftId && d.ExpiresAt <= now)).ExecuteDeleteAsync(cancellationToken);
        await db.ConcernDrafts.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        var waiting = await db.Concerns.AsNoTracking()
            .Where(c => c.Status == ConcernStatus.Open && c.Urgent && c.FirstOpenedAt == null && c.EscalatedAt == null)
            .OrderBy(c => c.RecordedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var orgs = waiting.Select(c => c.OrganisationId).Distinct().ToList();
        var minutes = await db.SafeguardingSettings.AsNoTracking()
            .Where(s => orgs.Contains(s.OrganisationId))
            .ToDictionaryAsync(s => s.OrganisationId, s => s.UrgentEscalationMinutes, cancellationToken);
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var mail = scope.ServiceProvider.GetRequiredService<ConcernMail>();
        foreach (var concern in waiting)
        {
            var limit = minutes.GetValueOrDefault(concern.OrganisationId, SafeguardingSettings.DefaultUrgentEscalationMinutes);
            if (concern.RecordedAt.AddMinutes(limit) > now)
            {
                continue;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var marked = await db.Concerns
                    .Where(c => c.OrganisationId == concern.OrganisationId && c.Id == concern.Id && c.EscalatedAt == null && c.FirstOpenedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.EscalatedAt, now), cancellationToken);
                if (marked == 0)
                {
                    continue;
                }

                await audit.AppendAsync(new AuditEvent(concern.OrganisationId, null, "concern.escalate", ["concern:" + concern.Id], $"not opened within {limit} minutes"), cancellationToken);
                await mail.QueueEscalationAsync(concern, limit, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            mail.SendSoon();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The urgent concern check failed ({Error}); it runs again shortly.")]
    private static partial void LogFailed(ILogger logger, string error);
}
