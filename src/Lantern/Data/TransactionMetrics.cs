using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Data;

/// <summary>
/// How long each explicit transaction stays open, from its BEGIN returning to its COMMIT or ROLLBACK
/// returning, as the histogram <c>lantern.database.transaction.duration</c> (milliseconds, meter
/// <c>Lantern.Database</c>, tagged by outcome). On SQLite a transaction begun by EF Core holds the
/// database's one write lock for all of that time, so this is what bounds how many writes a second one
/// node can make: read it with <c>dotnet-counters monitor --counters Lantern.Database</c>.
/// </summary>
public sealed class TransactionMetrics : DbTransactionInterceptor
{
    public const string MeterName = "Lantern.Database";

    private readonly Histogram<double> _duration;
    private readonly ConditionalWeakTable<DbTransaction, StrongBox<long>> _started = [];

    public TransactionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _duration = meters.Create(MeterName).CreateHistogram<double>(
            "lantern.database.transaction.duration", "ms", "How long a database transaction stayed open, from BEGIN to COMMIT or ROLLBACK.");
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _started.AddOrUpdate(result, new StrongBox<long>(Stopwatch.GetTimestamp()));
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "committed");

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "committed");
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "rolled_back");

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "rolled_back");
        return Task.CompletedTask;
    }

    private void Ended(DbTransaction transaction, string outcome)
    {
        if (_started.TryGetValue(transaction, out var started))
        {
            _started.Remove(transaction);
            _duration.Record(Stopwatch.GetElapsedTime(started.Value).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
