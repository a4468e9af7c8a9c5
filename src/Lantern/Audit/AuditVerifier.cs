using System.Security.Cryptography;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Audit;

/// <summary>
/// Recomputes every chain from its first entry: sequence numbers without a gap, each previous hash the hash
/// before it, each hash SHA-256(previous hash ‖ canonical entry); then the chain head in the database and the
/// head exported outside it. Reports the first broken entry of each chain.
/// </summary>
public sealed class AuditVerifier(LanternDbContext db, AuditHeadExport export)
{
    public async Task<IReadOnlyList<AuditChainReport>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().ToDictionaryAsync(h => h.OrganisationId, cancellationToken);
        var exported = await export.ReadAsync(cancellationToken);
        var chains = await db.Set<AuditEntry>().Select(e => e.OrganisationId).Distinct().ToListAsync(cancellationToken);
        var all = chains.Concat(heads.Keys).Concat(exported.Keys).Distinct().Order().ToList();

        var reports = new List<AuditChainReport>();
        foreach (var chain in all)
        {
            reports.Add(await VerifyChainAsync(chain, heads.GetValueOrDefault(chain), exported.GetValueOrDefault(chain), cancellationToken));
        }

        return reports;
    }

    private async Task<AuditChainReport> VerifyChainAsync(Guid chain, AuditChainHead? head, ExportedHead? exported, CancellationToken cancellationToken)
    {
        var previous = AuditCanonicalForm.Genesis;
        long last = 0;
        var hashes = new Dictionary<long, byte[]>();
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.OrganisationId == chain)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            var expected = last + 1;
            if (entry.Sequence != expected)
            {
                return Broken(chain, last, expected, entry.Sequence == expected + 1
                    ? $"entry {expected} is missing (the next entry is {entry.Sequence})"
                    : $"entries {expected} to {entry.Sequence - 1} are missing (the next entry is {entry.Sequence})");
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previous))
            {
                return Broken(chain, last, expected, expected == 1
                    ? "the first entry's previous hash is not the start of a chain"
                    : $"its previous hash is not the hash of entry {expected - 1}: entries were removed, reordered or changed");
            }

            var hash = AuditCanonicalForm.Hash(previous, entry);
            if (!CryptographicOperations.FixedTimeEquals(hash, entry.Hash))
            {
                return Broken(chain, last, expected, "its contents do not match its hash: the entry was changed");
            }

            if (exported is not null && entry.Sequence == exported.Sequence)
            {
                hashes[entry.Sequence] = hash;
            }

            previous = hash;
            last = entry.Sequence;
        }

        if (head is null)
        {
            if (last > 0)
            {
                return Broken(chain, last, last, "the chain has no head row in the database");
            }
        }
        else if (head.Sequence > last)
        {
            return Broken(chain, last, last + 1, $"entries {last + 1} to {head.Sequence} are missing: the chain head in the database is at {head.Sequence}");
        }
        else if (head.Sequence < last || !CryptographicOperations.FixedTimeEquals(head.Hash, previous))
        {
            return Broken(chain, last, Math.Min(head.Sequence + 1, last), $"the chain head in the database (entry {head.Sequence}) does not match the last entry ({last})");
        }

        if (exported is not null)
        {
            if (exported.Sequence > last)
            {
                return Broken(chain, last, last + 1, $"entries {last + 1} to {exported.Sequence} are missing: the head exported outside the database is at {exported.Sequence}");
            }

            if (!hashes.TryGetValue(exported.Sequence, out var atExport) || Convert.ToHexStringLower(atExport) != exported.Hash)
            {
                return Broken(chain, last, exported.Sequence, $"entry {exported.Sequence} is not the one whose hash was exported outside the database");
            }
        }

        return new AuditChainReport(chain, last, null, null);
    }

    private static AuditChainReport Broken(Guid chain, long verified, long at, string problem) => new(chain, verified, at, problem);
}
