using Lantern.Audit;
using Lantern.Data;
using Lantern.IntegrationTests.Audit;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Data;

/// <summary>SQLite as Lantern opens it: WAL and synchronous=FULL on every connection; writers that never fork the audit chain.</summary>
public sealed class SqliteConnectionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_connection_the_app_opens_is_in_wal_mode_with_full_synchronous_writes()
    {
        // Several contexts open at once, so the pool hands out several connections, not one reused.
        var scopes = Enumerable.Range(0, 5).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            var connections = new List<SqliteConnection>();
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
                await db.Database.OpenConnectionAsync();
                connections.Add((SqliteConnection)db.Database.GetDbConnection());
            }

            Assert.Equal(connections.Count, connections.Distinct().Count());
            foreach (var connection in connections)
            {
                Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
                Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Writers_in_deferred_transactions_still_never_fork_the_audit_chain()
    {
        var org = Guid.NewGuid();
        await AuditChain.AppendAsync(app.Services, org, "concern.create", "concern:1");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            await db.Database.OpenConnectionAsync();
            // BEGIN DEFERRED takes no lock until the first write; the append's first statement is that write.
            await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction);
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().AppendAsync(new AuditEvent(org, null, "concern.read", [$"concern:{i}"]));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        var entries = await AuditChain.EntriesAsync(app.Services, org);
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
    }

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
