using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Learning.Statements;

/// <summary>
/// Forwards the statements to the installation's external learning record store, when one is configured
/// (<see cref="XapiOptions"/>): in batches, posted to <c>{endpoint}/statements</c> with the xAPI version
/// header and Basic authorisation, by one node at a time under a lease. A batch the store refuses (or
/// cannot be reached for) is tried again after a wait that doubles each time; a statement is marked
/// forwarded once the store has accepted it and never sent again after that. Statements carry their own
/// ids, so a store that gets one twice after a crash between sending and marking keeps it once.
/// </summary>
public sealed partial class XapiForwarder(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    TimeProvider clock,
    IOptions<XapiOptions> options,
    ILogger<XapiForwarder> logger) : BackgroundService
{
    public const string JobName = "learning.xapi-forward";
    public const string ClientName = "xapi";
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public static TimeSpan Backoff(int failures, XapiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RetryWaits.Doubling(failures, TimeSpan.FromSeconds(Math.Max(1, options.RetrySeconds)), TimeSpan.FromMinutes(Math.Max(1, options.RetryMaxMinutes)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Clamp(options.Value.PollSeconds, 1, 86_400));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, clock, stoppingToken);
                while (await RunOnceAsync(stoppingToken) == BatchSize)
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

    private int BatchSize => Math.Clamp(options.Value.BatchSize, 1, 1000);

    /// <summary>Forwards one batch of what is due now; returns how many statements it held (0 when none, or not configured, or another node runs).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var now = clock.GetUtcNow();
        if (!await JobLeases.TryTakeAsync(db, JobName, _holder, now, TimeSpan.FromMinutes(2), cancellationToken))
        {
            return 0;
        }

        var ids = await db.LearningStatements
            .Where(s => s.ForwardedAt == null && (s.NextForwardAt == null || s.NextForwardAt <= now))
            .OrderBy(s => s.Timestamp)
            .Select(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        // Claim the batch first: a run that read the same rows (a second node after a lease ran out) finds them moved on.
        // Whole milliseconds, so the value reads back equal on PostgreSQL (microseconds) and SQLite alike.
        var claimNow = clock.GetUtcNow();
        var claimedUntil = new DateTimeOffset(claimNow.UtcTicks - (claimNow.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero) + ClaimTime;
        await db.LearningStatements
            .Where(s => ids.Contains(s.Id) && s.ForwardedAt == null && (s.NextForwardAt == null || s.NextForwardAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextForwardAt, claimedUntil), cancellationToken);
        var batch = await db.LearningStatements
            .Where(s => ids.Contains(s.Id) && s.ForwardedAt == null && s.NextForwardAt == claimedUntil)
            .OrderBy(s => s.Timestamp)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var error = await PostAsync(settings, batch.Select(s => s.Json), cancellationToken);
        var after = clock.GetUtcNow();
        foreach (var statement in batch)
        {
            if (error is null)
            {
                statement.ForwardedAt = after;
                statement.NextForwardAt = null;
            }
            else
            {
                statement.ForwardAttempts++;
                statement.NextForwardAt = after + Backoff(statement.ForwardAttempts, settings);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (error is not null)
        {
            LogNotForwarded(logger, batch.Count, batch.Max(s => s.ForwardAttempts), error);
        }

        return batch.Count;
    }

    /// <summary>Posts the statements as one JSON array; null when the store accepted them, else what went wrong.</summary>
    private async Task<string?> PostAsync(XapiOptions settings, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("[");
        foreach (var json in statements)
        {
            body.Append(body.Length > 1 ? "," : "").Append(json);
        }

        body.Append(']');
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint!.TrimEnd('/') + "/statements"));
        request.Headers.Add("X-Experience-API-Version", XapiStatement.Version);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Username + ":" + settings.Password)));
        }

        request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        try
        {
            using var client = http.CreateClient(ClientName);
            using var response = await client.SendAsync(request, cancellationToken);

            // 409: the store already holds statements with these ids (sent before a crash stopped us marking them).
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict ? null : "HTTP " + (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e.GetType().Name;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} xAPI statements were not forwarded (attempt {Attempts}, {Error}); they are tried again later.")]
    private static partial void LogNotForwarded(ILogger logger, int count, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The xAPI forwarding run failed ({Error}); it runs again later.")]
    private static partial void LogFailed(ILogger logger, string error);
}
