using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Data;

/// <summary>
/// WAL so readers never wait on the writer; synchronous=FULL so an acknowledged write survives a
/// power cut (safeguarding records must never be lost); a busy timeout so concurrent writers queue.
/// They belong to the connection, not to each use of it, so they are set once per pooled connection:
/// a page's query then pays for its own statement only.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || !Prepared.TryAdd(handle, Prepared))
        {
            return;
        }

        // EF opens a read-only connection to see whether the file exists; journal settings need a writer.
        if (new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
