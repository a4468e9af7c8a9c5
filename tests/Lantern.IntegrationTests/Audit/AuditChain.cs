using Lantern.Audit;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary>Appends, reads and verifies a test's own audit chain through the app's services, as a feature would.</summary>
public static class AuditChain
{
    public static async Task AppendAsync(IServiceProvider services, Guid? organisationId, string action, params string[] records)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await trail.AppendAsync(new AuditEvent(organisationId, null, action, records));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static async Task<List<AuditEntry>> EntriesAsync(IServiceProvider services, Guid chain)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == chain).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<AuditChainReport> VerifyAsync(IServiceProvider services, Guid chain)
    {
        await using var scope = services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        return reports.Single(r => r.OrganisationId == chain);
    }

    private const string SqliteTriggers = """
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: entries cannot be changed or removed'); END;
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: entries cannot be changed or removed'); END;
        """;

    /// <summary>
    /// Changes the database directly, as someone with full access to it (not through Lantern) would: the
    /// triggers that keep the entries append-only are put out of the way first, then back.
    /// </summary>
    public static async Task TamperAsync(IServiceProvider services, Func<LanternDbContext, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(postgres
            ? """ALTER TABLE "AuditEntries" DISABLE TRIGGER USER"""
            : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
        try
        {
            await change(db);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(postgres ? """ALTER TABLE "AuditEntries" ENABLE TRIGGER USER""" : SqliteTriggers);
        }
    }
}
