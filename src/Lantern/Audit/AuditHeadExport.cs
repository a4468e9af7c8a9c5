using System.Runtime.CompilerServices;
using System.Text.Json;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Audit;

/// <summary>
/// Writes the latest head of every chain to a file outside the database, so truncating a chain in the
/// database (deleting its newest entries and moving the head back) is caught by <c>Lantern audit verify</c>.
/// A commit that appended marks the export due; the write happens <see cref="AuditOptions.ExportDelayMilliseconds"/>
/// later on a background task (one write for a burst of appends), and once more when the app stops. The file
/// is written to a temporary name, flushed to disk and renamed over the old one, so it is never half-written.
/// A head never moves back in the file: if the database's head is behind the exported one, the exported one
/// is kept (and logged), so the truncation stays visible.
/// </summary>
public sealed partial class AuditHeadExport(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    IOptions<LanternOptions> lantern,
    ILogger<AuditHeadExport> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private int _dirty;

    public string HeadsFile => string.IsNullOrWhiteSpace(options.Value.HeadsFile)
        ? Path.Combine(lantern.Value.DataFolderFullPath, "audit-heads.json")
        : Path.GetFullPath(options.Value.HeadsFile);

    /// <summary>This context's transaction has appended: export when it commits.</summary>
    public void MarkPending(DbContext context) => _pending.AddOrUpdate(context, this);

    public void Committed(DbContext context)
    {
        if (_pending.Remove(context))
        {
            Interlocked.Exchange(ref _dirty, 1);
            if (_due.CurrentCount == 0)
            {
                try
                {
                    _due.Release();
                }
                catch (SemaphoreFullException)
                {
                }
            }
        }
    }

    public void RolledBack(DbContext context) => _pending.Remove(context);

    /// <summary>The heads last exported, by chain; empty when nothing has been exported yet.</summary>
    public async Task<IReadOnlyDictionary<Guid, ExportedHead>> ReadAsync(CancellationToken cancellationToken)
    {
        var file = HeadsFile;
        if (!File.Exists(file))
        {
            return new Dictionary<Guid, ExportedHead>();
        }

        await using var stream = File.OpenRead(file);
        var heads = await JsonSerializer.DeserializeAsync<List<ExportedHead>>(stream, Json, cancellationToken) ?? [];
        return heads.ToDictionary(h => h.OrganisationId);
    }

    /// <summary>Writes the database's heads now (tests and shutdown call it; appends schedule it).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Exchange(ref _dirty, 0);
            List<AuditChainHead> current;
            await using (var scope = scopes.CreateAsyncScope())
            {
                current = await scope.ServiceProvider.GetRequiredService<LanternDbContext>()
                    .Set<AuditChainHead>().AsNoTracking().ToListAsync(cancellationToken);
            }

            var merged = new Dictionary<Guid, ExportedHead>(await ReadAsync(cancellationToken));
            foreach (var head in current.Where(h => h.Sequence > 0))
            {
                if (merged.TryGetValue(head.OrganisationId, out var exported) && exported.Sequence > head.Sequence)
                {
                    LogBehind(logger, AuditChains.Name(head.OrganisationId), head.Sequence, exported.Sequence);
                    continue;
                }

                merged[head.OrganisationId] = new ExportedHead(head.OrganisationId, head.Sequence, Convert.ToHexStringLower(head.Hash));
            }

            await WriteAtomicallyAsync(HeadsFile, merged.Values.OrderBy(h => h.OrganisationId).ToList(), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _due.WaitAsync(stoppingToken);
                await Task.Delay(Math.Max(0, options.Value.ExportDelayMilliseconds), stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed export is logged and retried on the next commit; it must not stop the app.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.Exchange(ref _dirty, 1);
                LogFailed(logger, HeadsFile, e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Volatile.Read(ref _dirty) == 1)
        {
            try
            {
                await FlushAsync(cancellationToken);
            }
#pragma warning disable CA1031 // At shutdown a failed export can only be logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, HeadsFile, e);
            }
        }
    }

    // The semaphores are not disposed: a host may dispose its services while the final flush of
    // StopAsync still holds one, and a SemaphoreSlim whose wait handle was never asked for holds nothing
    // that needs releasing.

    private static async Task WriteAtomicallyAsync(string file, List<ExportedHead> heads, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, heads, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain {Chain}: the database's head is at {Sequence} but {Exported} was exported before. Entries may have been removed; run 'Lantern audit verify'.")]
    private static partial void LogBehind(ILogger logger, string chain, long sequence, long exported);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain heads could not be written to {File}.")]
    private static partial void LogFailed(ILogger logger, string file, Exception exception);
}
