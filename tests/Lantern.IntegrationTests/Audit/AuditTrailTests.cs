using Lantern.Audit;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary>The audit chain: appended in the caller's transaction, never forked by concurrent writers, and every kind of tampering caught at the entry where it happened.</summary>
public abstract class AuditTrailTests(LanternApp app)
{
    [Fact]
    public async Task Appending_outside_a_transaction_is_refused_with_a_clear_message()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => trail.AppendAsync(new AuditEvent(Guid.NewGuid(), null, "concern.read", ["concern:1"])));

        Assert.Contains("BeginTransactionAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committed_entries_form_an_unbroken_chain_each_hash_covering_the_one_before()
    {
        var org = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await AuditChain.AppendAsync(app.Services, org, "concern.read", $"concern:{i}");
        }

        var entries = await AuditChain.EntriesAsync(app.Services, org);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(new byte[32], entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            Assert.Equal(AuditCanonicalForm.Hash(entries[i].PreviousHash, entries[i]), entries[i].Hash);
        }

        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.True(report.Ok, report.Problem);
        Assert.Equal(5, report.Entries);
    }

    [Fact]
    public async Task Several_appends_in_one_transaction_follow_each_other()
    {
        var org = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await trail.AppendAsync(new AuditEvent(org, null, "concern.create", ["concern:1"]));
            await trail.AppendAsync(new AuditEvent(org, null, "concern.read", ["concern:1", "child:2"], "opened from the inbox"));
            await db.SaveChangesAsync();
            await trail.AppendAsync(new AuditEvent(org, null, "concern.read", ["concern:1"]));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();

            // The same context, a later transaction: the head is read again, not taken from memory.
            await AuditChain.AppendAsync(app.Services, org, "concern.read", "concern:1");
            await using var second = await db.Database.BeginTransactionAsync();
            await trail.AppendAsync(new AuditEvent(org, null, "concern.read", ["concern:1"]));
            await db.SaveChangesAsync();
            await second.CommitAsync();
        }

        var entries = await AuditChain.EntriesAsync(app.Services, org);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(["concern:1", "child:2"], entries[1].RecordList);
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
    }

    [Fact]
    public async Task Every_record_an_entry_names_is_indexed_even_past_one_statement_and_a_rollback_indexes_none()
    {
        var org = Guid.NewGuid();
        var records = Enumerable.Range(0, AuditTrail.RecordsPerStatement * 2 + 1).Select(i => $"concern:{i}").ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using (var kept = await db.Database.BeginTransactionAsync())
            {
                await trail.AppendAsync(new AuditEvent(org, null, "concern.list", [.. records, "concern:0"]));
                await db.SaveChangesAsync();
                await kept.CommitAsync();
            }

            await using var dropped = await db.Database.BeginTransactionAsync();
            await trail.AppendAsync(new AuditEvent(org, null, "concern.list", ["concern:dropped"]));
            await db.SaveChangesAsync();
            await dropped.RollbackAsync();
        }

        await using var check = app.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<LanternDbContext>().AuditEntryRecords.AsNoTracking()
            .Where(r => r.OrganisationId == org).ToListAsync();
        Assert.Equal(records.Order(StringComparer.Ordinal), rows.Select(r => r.Record).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(1L, r.Sequence));
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_entry_and_no_gap()
    {
        var org = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await trail.AppendAsync(new AuditEvent(org, null, "concern.create", ["concern:1"]));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await AuditChain.AppendAsync(app.Services, org, "concern.create", "concern:2");

        var entries = await AuditChain.EntriesAsync(app.Services, org);
        Assert.Equal("concern:2", Assert.Single(entries).Records);
        Assert.Equal(1, entries[0].Sequence);
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
    }

    [Fact]
    public async Task Many_writers_at_once_never_fork_the_chain()
    {
        var org = Guid.NewGuid();
        const int writers = 40;
        await AuditChain.AppendAsync(app.Services, org, "concern.create", "concern:first");
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => AuditChain.AppendAsync(app.Services, org, "concern.read", $"concern:{i}"))));

        var entries = await AuditChain.EntriesAsync(app.Services, org);
        Assert.Equal(Enumerable.Range(1, writers + 1).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(writers, entries.Select(e => e.Records).Distinct().Count() - 1);
        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.True(report.Ok, report.Problem);
        Assert.Equal(writers + 1, report.Entries);
    }

    [Fact]
    public async Task The_system_chain_holds_events_of_no_organisation_under_its_own_key()
    {
        await AuditChain.AppendAsync(app.Services, null, "signin.failed");

        var entry = (await AuditChain.EntriesAsync(app.Services, AuditChains.System)).Last();
        Assert.Equal("signin.failed", entry.Action);
        Assert.True((await AuditChain.VerifyAsync(app.Services, AuditChains.System)).Ok);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_entry()
    {
        var org = await ChainOfAsync(2);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.OrganisationId == org).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "changed")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.OrganisationId == org).ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await AuditChain.EntriesAsync(app.Services, org)).Count);
        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
    }

    [Fact]
    public async Task A_changed_field_is_caught_at_that_entry()
    {
        var org = await ChainOfAsync(6);

        await AuditChain.TamperAsync(app.Services, db => db.AuditEntries.Where(e => e.OrganisationId == org && e.Sequence == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "concern.create")));

        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.Equal(3, report.BrokenAt);
        Assert.Contains("changed", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_caught_where_it_was()
    {
        var org = await ChainOfAsync(6);

        await AuditChain.TamperAsync(app.Services, db => db.AuditEntries.Where(e => e.OrganisationId == org && e.Sequence == 3).ExecuteDeleteAsync());

        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.Equal(3, report.BrokenAt);
        Assert.Contains("entry 3 is missing", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_entries_swapped_are_caught_at_the_first_of_them()
    {
        var org = await ChainOfAsync(6);

        await AuditChain.TamperAsync(app.Services, async db =>
        {
            var third = await db.AuditEntries.SingleAsync(e => e.OrganisationId == org && e.Sequence == 3);
            var fourth = await db.AuditEntries.SingleAsync(e => e.OrganisationId == org && e.Sequence == 4);
            (third.At, fourth.At) = (fourth.At, third.At);
            (third.Action, fourth.Action) = (fourth.Action, third.Action);
            (third.Records, fourth.Records) = (fourth.Records, third.Records);
            (third.Detail, fourth.Detail) = (fourth.Detail, third.Detail);
            (third.PreviousHash, fourth.PreviousHash) = (fourth.PreviousHash, third.PreviousHash);
            (third.Hash, fourth.Hash) = (fourth.Hash, third.Hash);
            await db.SaveChangesAsync();
        });

        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.Equal(3, report.BrokenAt);
    }

    [Fact]
    public async Task A_truncated_tail_with_its_head_moved_back_is_caught_by_the_exported_head()
    {
        var org = await ChainOfAsync(6);
        await app.Services.GetRequiredService<AuditHeadExport>().FlushAsync();
        var exported = await app.Services.GetRequiredService<AuditHeadExport>().ReadAsync(CancellationToken.None);
        Assert.Equal(6, exported[org].Sequence);

        // Someone removes the last two entries and moves the head back, so the chain in the database is whole.
        await AuditChain.TamperAsync(app.Services, async db =>
        {
            var fourth = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.OrganisationId == org && e.Sequence == 4);
            await db.AuditEntries.Where(e => e.OrganisationId == org && e.Sequence > 4).ExecuteDeleteAsync();
            await db.AuditChainHeads.Where(h => h.OrganisationId == org)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 4L).SetProperty(h => h.Hash, fourth.Hash));
        });

        var report = await AuditChain.VerifyAsync(app.Services, org);
        Assert.Equal(5, report.BrokenAt);
        Assert.Contains("exported", report.Problem, StringComparison.Ordinal);

        // Exporting again does not move the exported head back.
        await AuditChain.AppendAsync(app.Services, org, "concern.read", "concern:after");
        await app.Services.GetRequiredService<AuditHeadExport>().FlushAsync();
        Assert.Equal(6, (await app.Services.GetRequiredService<AuditHeadExport>().ReadAsync(CancellationToken.None))[org].Sequence);
        Assert.Equal(6, (await AuditChain.VerifyAsync(app.Services, org)).BrokenAt);
    }

    [Fact]
    public async Task The_latest_heads_are_written_to_a_file_outside_the_database_soon_after_a_commit()
    {
        var org = Guid.NewGuid();
        await AuditChain.AppendAsync(app.Services, org, "concern.read", "concern:1");
        await AuditChain.AppendAsync(app.Services, org, "concern.read", "concern:2");
        var export = app.Services.GetRequiredService<AuditHeadExport>();
        var last = (await AuditChain.EntriesAsync(app.Services, org)).Last();

        // Written by the app in the background (no flush from the test); allow a loaded machine its time.
        ExportedHead? head = null;
        for (var waited = 0; waited < 30_000 && head?.Sequence != 2; waited += 100)
        {
            await Task.Delay(100);
            try
            {
                head = (await export.ReadAsync(CancellationToken.None)).GetValueOrDefault(org);
            }
            catch (IOException)
            {
            }
        }

        Assert.NotNull(head);
        Assert.Equal(2, head.Sequence);
        Assert.Equal(Convert.ToHexStringLower(last.Hash), head.Hash);
        Assert.StartsWith(app.DataFolder, export.HeadsFile, StringComparison.Ordinal);
        Assert.False(File.Exists(export.HeadsFile + ".tmp"));
    }

    private async Task<Guid> ChainOfAsync(int length)
    {
        var org = Guid.NewGuid();
        for (var i = 1; i <= length; i++)
        {
            await AuditChain.AppendAsync(app.Services, org, "concern.read", $"concern:{i}");
        }

        Assert.True((await AuditChain.VerifyAsync(app.Services, org)).Ok);
        return org;
    }

    public sealed class OnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
}
