using Lantern.Audit;
using Lantern.Data;
using Lantern.IntegrationTests.Audit;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Data;

/// <summary>SQLite's writers queue at the process's write gate, one at a time, and every way a transaction can end gives the gate back.</summary>
public sealed class SqliteWriteGateTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private SqliteWriteGate Gate => app.Services.GetRequiredService<SqliteWriteGate>();

    [Fact]
    public async Task Writers_at_the_same_moment_take_turns_and_every_one_commits()
    {
        var org = Guid.NewGuid();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await trail.AppendAsync(new AuditEvent(org, null, "concern.read", [$"concern:{i}"]));
            await Task.Delay(20);
            await db.SaveChangesAsync();
            Interlocked.Decrement(ref inside);
            await transaction.CommitAsync();
        })));

        Assert.Equal(1, most);
        Assert.Equal(8, (await AuditChain.EntriesAsync(app.Services, org)).Count);
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
        Assert.True(Gate.IsFree);
    }

    [Fact]
    public async Task A_transaction_rolled_back_or_disposed_unfinished_or_left_open_when_its_context_goes_gives_the_gate_back()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                Assert.False(Gate.IsFree);
                await rolledBack.RollbackAsync();
            }

            Assert.True(Gate.IsFree);
            await using (await db.Database.BeginTransactionAsync())
            {
                Assert.False(Gate.IsFree);
            }

            Assert.True(Gate.IsFree);

            // Never committed, rolled back or disposed: the context goes back to the pool with it open.
            _ = await db.Database.BeginTransactionAsync();
            Assert.False(Gate.IsFree);
        }

        Assert.True(Gate.IsFree);
        await using var next = app.Services.CreateAsyncScope();
        var other = next.ServiceProvider.GetRequiredService<LanternDbContext>();
        await using var transaction = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlRawAsync("UPDATE \"JobLeases\" SET \"Holder\" = \"Holder\"");
        await transaction.CommitAsync();
        Assert.True(Gate.IsFree);
    }

    [Fact]
    public async Task A_connection_kept_open_that_begins_again_hands_back_what_its_unfinished_transaction_held_before_waiting()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using (await db.Database.BeginTransactionAsync())
            {
            }

            // Disposed unfinished on a connection that stays open: nothing has reported its end yet.
            Assert.False(Gate.IsFree);
            await using (var again = await db.Database.BeginTransactionAsync())
            {
                // The new transaction holds the gate itself: it did not time out waiting for the old one.
                Assert.False(Gate.IsFree);
                await again.CommitAsync();
            }

            Assert.True(Gate.IsFree);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
