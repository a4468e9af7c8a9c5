using Lantern.Commands;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary><c>Lantern audit verify</c>: OK and exit code 0 for whole chains, the first broken entry and exit code 1 otherwise.</summary>
public abstract class AuditVerifyCommandTests(LanternApp app)
{
    [Fact]
    public async Task Verify_prints_each_chain_OK_then_the_first_broken_entry_and_fails()
    {
        var org = Guid.NewGuid();
        for (var i = 1; i <= 3; i++)
        {
            await AuditChain.AppendAsync(app.Services, org, "concern.read", $"concern:{i}");
        }

        await AuditChain.AppendAsync(app.Services, null, "signin.failed");

        var (code, output) = await VerifyAsync();
        Assert.Equal(0, code);
        Assert.Contains($"Unknown organisation ({org}): OK, 3 entries", output, StringComparison.Ordinal);
        Assert.Contains($"System chain: OK, {await SystemEntriesAsync()} entries", output, StringComparison.Ordinal); // the library's imports and the failed sign-in

        await AuditChain.TamperAsync(app.Services, db => db.AuditEntries.Where(e => e.OrganisationId == org && e.Sequence == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "nothing to see")));

        (code, output) = await VerifyAsync();
        Assert.Equal(1, code);
        Assert.Contains($"({org}): BROKEN at entry 2", output, StringComparison.Ordinal);
        Assert.Contains("System chain: OK", output, StringComparison.Ordinal);
    }

    private async Task<int> SystemEntriesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lantern.Data.LanternDbContext>();
        return await db.AuditEntries.CountAsync(e => e.OrganisationId == Guid.Empty);
    }

    private async Task<(int Code, string Output)> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ILanternCommand>().Single(c => c.Name.SequenceEqual(["audit", "verify"]));
        await using var output = new StringWriter();
        var code = await command.RunAsync(scope.ServiceProvider, [], output, CancellationToken.None);
        return (code, output.ToString());
    }

    public sealed class OnSqlite(SqliteApp app) : AuditVerifyCommandTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditVerifyCommandTests(app), IClassFixture<PostgresApp>;
}
