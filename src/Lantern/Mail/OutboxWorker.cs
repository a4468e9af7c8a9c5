using Lantern.Data;
using Lantern.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Mail;

/// <summary>
/// Sends what is in the outbox. Only the node holding the lease sends, so several nodes never send one
/// e-mail twice between them. A failure (server down, refused) leaves the message in the outbox to be
/// tried again later, waiting longer each time up to a cap: nothing is dropped. A crash between sending
/// and marking sent may send a message twice; never zero times.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public const string JobName = "mail.outbox";
    private const int Batch = 50;
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // When this node's lease runs out (UTC ticks): renewed in the database only once half of it has gone,
    // so a busy outbox does not commit a lease on every run.
    private long _leaseUntilTicks;

    /// <summary>How long to wait before the next try after this many failures: doubling from the first wait, up to the cap.</summary>
    public static TimeSpan Backoff(int failures, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RetryWaits.Doubling(failures, TimeSpan.FromSeconds(Math.Max(1, options.OutboxRetrySeconds)), TimeSpan.FromMinutes(Math.Max(1, options.OutboxRetryMaxMinutes)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.OutboxPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Woken at once when mail is queued on this node; otherwise every poll (on the app's clock, so tests can move it).
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var woken = signal.WaitAsync(Timeout.InfiniteTimeSpan, wake.Token);
                var polled = Task.Delay(poll, clock, wake.Token);
                await Task.WhenAny(woken, polled);
                await wake.CancelAsync();
                await Task.WhenAll(Quietly(woken), Quietly(polled));
                stoppingToken.ThrowIfCancellationRequested();
                while (await RunOnceAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageFailure.Is(e) || e is InvalidOperationException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Sends what is due now; returns how many messages were due. A batch costs three commits whatever its
    /// size: the lease, the claim of every message in it, and the marks after sending.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<MailSender>();
        var now = clock.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _leaseUntilTicks) - (LeaseLength / 2).Ticks)
        {
            if (!await JobLeases.TryTakeAsync(db, JobName, _holder, now, LeaseLength, cancellationToken))
            {
                return 0;
            }

            Interlocked.Exchange(ref _leaseUntilTicks, (now + LeaseLength).UtcTicks);
        }

        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var claimed = await ClaimAsync(db, due, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                await sender.SendAsync(message.ToAddress, message.ToName, message.Subject, message.Body, cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.CommandException or MailKit.ProtocolException
                or System.Net.Sockets.SocketException or MailKit.ServiceNotAuthenticatedException or TimeoutException)
            {
                message.Attempts++;
                message.LastError = e.GetType().Name;
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts, options.Value);
                LogNotSent(logger, message.Id, message.Attempts, e.GetType().Name);
            }
        }

        // One save for the whole batch. A crash before it leaves the batch claimed, to be sent again once the
        // claim runs out: a message may go twice, never zero times.
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>
    /// Claims the messages in one transaction, each only if it is still as it was read: another run that read
    /// the same rows (a second node after a lease ran out, or a second run on this one) finds them moved on
    /// and leaves them, so a message is never sent twice that way. Returns the ones this run holds.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(LanternDbContext db, List<OutboxMessage> due, CancellationToken cancellationToken)
    {
        var claimedUntil = clock.GetUtcNow() + ClaimTime;
        var claimed = new List<OutboxMessage>(due.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var message in due)
        {
            var taken = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == message.NextAttemptAt)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(message);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} was not sent (attempt {Attempts}, {Error}); it stays in the outbox and is tried again later.")]
    private static partial void LogNotSent(ILogger logger, Guid messageId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read ({Error}); it is tried again shortly.")]
    private static partial void LogFailed(ILogger logger, string error);
}
