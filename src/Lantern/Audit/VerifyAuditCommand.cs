using Lantern.Accounts.Organisations;
using Lantern.Commands;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Audit;

/// <summary><c>Lantern audit verify</c>: checks every audit chain and prints, per chain, OK with its length or the first broken entry.</summary>
public sealed class VerifyAuditCommand : ILanternCommand
{
    public IReadOnlyList<string> Name { get; } = ["audit", "verify"];

    public string Usage => "audit verify             check every audit chain; exit code 1 if any is broken";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var reports = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        var names = await services.GetRequiredService<LanternDbContext>().Set<Organisation>().AsNoTracking()
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        if (reports.Count == 0)
        {
            await output.WriteLineAsync("No audit entries yet.");
        }

        foreach (var report in reports)
        {
            var chain = report.OrganisationId == AuditChains.System
                ? "System chain"
                : $"{names.GetValueOrDefault(report.OrganisationId, "Unknown organisation")} ({report.OrganisationId})";
            await output.WriteLineAsync(report.Ok
                ? $"{chain}: OK, {report.Entries} entries"
                : $"{chain}: BROKEN at entry {report.BrokenAt}: {report.Problem} ({report.Entries} entries verified before it)");
        }

        return reports.All(r => r.Ok) ? 0 : 1;
    }
}
