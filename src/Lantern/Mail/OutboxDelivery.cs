using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Mail;

/// <summary>
/// Sends what waits in the outbox through <see cref="MailSender"/>, under a lease so only one node
/// sends. A message is marked sent as soon as the server accepts it; one that fails is tried again
/// later, waiting longer each time, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed partial class OutboxDelivery(IServiceScopeFactory scopes, TimeProvider clock, Func<TimeSpan> interval, ILogger<OutboxDelivery> logger) : BackgroundService
{
    public const string JobName = "mail.outbox";
    public const int MaxAttempts = 8;
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Clamp(interval()), clock, stoppingToken);
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

    /// <summary>Sends every message due now; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var now = clock.GetUtcNow();
        if (!await JobLeases.TryTakeAsync(db, JobName, _holder, now, TimeSpan.FromMinutes(2), cancellationToken))
        {
            return 0;
        }

        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < MaxAttempts)
            .OrderBy(m => m.NextAttemptAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        var mail = scope.ServiceProvider.GetRequiredService<MailSender>();
        var sent = 0;
        foreach (var message in due)
        {
            // Claim it first: another run (on this node or another) that read the same row finds it taken.
            var claimedUntil = clock.GetUtcNow() + TimeSpan.FromMinutes(5);
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == message.NextAttemptAt)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                await mail.SendAsync(message.ToAddress, message.ToName, message.Subject, message.Body, cancellationToken);
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.SentAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.Attempts, message.Attempts + 1), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or MailKit.ServiceNotAuthenticatedException or MailKit.CommandException)
            {
                var attempts = message.Attempts + 1;
                var retryAt = clock.GetUtcNow() + RetryDelay(attempts);
                var error = e.GetType().Name;
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.SentAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, error), cancellationToken);
                LogNotSent(logger, message.Id, attempts, error);
            }
        }

        return sent;
    }

    /// <summary>Between a second and a day: a timer cannot wait longer than 49 days.</summary>
    public static TimeSpan Clamp(TimeSpan interval) => interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : interval;

    /// <summary>1, 2, 4, 8 … minutes, at most a day.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(1440, Math.Pow(2, Math.Max(0, attempts - 1))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox run failed ({Error}); it runs again shortly.")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent, attempt {Attempts} ({Error}); it will be tried again.")]
    private static partial void LogNotSent(ILogger logger, Guid messageId, int attempts, string error);
}
