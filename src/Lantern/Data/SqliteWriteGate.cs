using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Data;

/// <summary>
/// Queues this process's SQLite writers in memory. SQLite lets one connection write at a time, and a writer
/// that finds the lock taken sleeps in SQLite's busy handler, up to 100 ms a time, so under load the lock
/// often stands idle while every writer sleeps. Here a transaction waits for the gate before its
/// <c>BEGIN IMMEDIATE</c> and passes it on the moment it commits or rolls back, so the next writer begins at
/// once. The gate only orders writers that would have waited for SQLite's own lock anyway; that lock still
/// guards the file (and other processes using it). A writer that has waited longer than
/// <see cref="Wait"/> goes on without the gate, to meet SQLite's lock and busy timeout as before.
/// A transaction hands the gate back when EF Core reports its commit, rollback or failure, or when its
/// connection closes (EF Core closes it as soon as a transaction it opened it for is disposed unfinished, and
/// when a context goes back to the pool with one still open), or when the same connection begins another.
/// </summary>
#pragma warning disable CA1001 // The semaphore is never disposed: a transaction may still hand it back while the host disposes its services, and one whose wait handle is never asked for holds nothing to release.
public sealed partial class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>The longest a writer waits for the gate: SQLite's busy timeout, which it would have waited instead.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbTransaction, Pass> _byTransaction = [];
    private readonly ConditionalWeakTable<DbConnection, Pass> _byConnection = [];

    /// <summary>True when no transaction of this process holds the gate.</summary>
    public bool IsFree => _gate.CurrentCount == 1;

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult || connection is not SqliteConnection)
        {
            return result;
        }

        // One transaction at a time on a connection: one it still holds has ended unseen, and is handed back before waiting.
        Closed(connection);
        var pass = Enter(connection, _gate.Wait(Wait));
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(Hold(connection.BeginTransaction(eventData.IsolationLevel), pass));
        }
        catch
        {
            pass.Release();
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult || connection is not SqliteConnection)
        {
            return result;
        }

        Closed(connection);
        var pass = Enter(connection, await _gate.WaitAsync(Wait, cancellationToken));
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(
                Hold(await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken), pass));
        }
        catch
        {
            pass.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Closed(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Closed(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ConnectionClosing(connection, eventData, result);

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ConnectionClosingAsync(connection, eventData, result);

    private Pass Enter(DbConnection connection, bool entered)
    {
        if (!entered)
        {
            LogWaited(logger, Wait.TotalSeconds);
        }

        var pass = new Pass(_gate, entered);
        _byConnection.AddOrUpdate(connection, pass);
        return pass;
    }

    /// <summary>The connection closes, or begins again: whatever transaction it held has ended, and its pass goes back.</summary>
    private void Closed(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var pass))
        {
            _byConnection.Remove(connection);
            pass.Release();
        }
    }

    private DbTransaction Hold(DbTransaction transaction, Pass pass)
    {
        _byTransaction.AddOrUpdate(transaction, pass);
        return transaction;
    }

    private void Leave(DbTransaction? transaction)
    {
        if (transaction is not null && _byTransaction.TryGetValue(transaction, out var pass))
        {
            _byTransaction.Remove(transaction);
            pass.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A database write waited {Seconds} s for the write gate and goes on without it.")]
    private static partial void LogWaited(ILogger logger, double seconds);

#pragma warning restore CA1001

    /// <summary>One transaction's hold on the gate, handed back once however many ways its end is reported.</summary>
    private sealed class Pass(SemaphoreSlim gate, bool entered)
    {
        private int _released;

        public void Release()
        {
            if (entered && Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
