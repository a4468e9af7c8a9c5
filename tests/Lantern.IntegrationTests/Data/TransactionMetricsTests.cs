using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Data;

/// <summary>Every transaction's time from BEGIN to COMMIT or ROLLBACK is published, so an operator can see how long writers hold the database.</summary>
public sealed class TransactionMetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_transaction_held_open_is_measured_from_begin_to_commit_and_a_rollback_is_told_apart()
    {
        var seen = new ConcurrentQueue<(double Milliseconds, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TransactionMetrics.MeterName && instrument.Name == "lantern.database.transaction.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            seen.Enqueue((value, tags.ToArray().Single(t => t.Key == "outcome").Value as string)));
        listener.Start();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            await using (var held = await db.Database.BeginTransactionAsync())
            {
                await Task.Delay(120);
                await held.CommitAsync();
            }

            await using var dropped = await db.Database.BeginTransactionAsync();
            await dropped.RollbackAsync();
        }

        // Other work in the app (its background jobs) may commit too: look for these two among them.
        Assert.Contains(seen, m => m.Outcome == "committed" && m.Milliseconds >= 120);
        Assert.Contains(seen, m => m.Outcome == "rolled_back");
    }
}
