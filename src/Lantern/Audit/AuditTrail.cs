using System.Runtime.CompilerServices;
using System.Text;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Audit;

/// <summary>
/// Appends to a chain inside the caller's transaction: takes the write lock on the chain head first
/// (PostgreSQL: <c>SELECT … FOR UPDATE</c>; SQLite: a write to the head, which takes the database's write
/// lock before anything is read), then adds the entry and advances the head in the context. The caller's
/// <c>SaveChangesAsync</c> and commit write both with the change, or neither.
/// </summary>
public sealed class AuditTrail(LanternDbContext db, TimeProvider clock, AuditHeadExport export) : IAuditTrail
{
    public const int MaxActionLength = 100;
    public const int MaxRecordLength = 200;
    public const int MaxDetailLength = 500;

    /// <summary>Record index rows per INSERT: well under both providers' limits on parameters.</summary>
    public const int RecordsPerStatement = 500;

    public async Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Validate(entry);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "An audit entry is appended inside the transaction of what it records: call db.Database.BeginTransactionAsync() first, "
                + "then AppendAsync, SaveChangesAsync and CommitAsync (or use IAuditTrail.RecordAsync for an event with no change of its own).");
        }

        var chain = AuditChains.Of(entry.OrganisationId);
        var head = await LockHeadAsync(chain, cancellationToken);

        var records = entry.Records.ToList();
        var row = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = chain,
            Sequence = head.Sequence + 1,
            At = AuditCanonicalForm.Truncate(clock.GetUtcNow()),
            ActorId = entry.ActorId,
            Action = entry.Action,
            Records = string.Join('\n', records),
            Detail = entry.Detail,
            PreviousHash = head.Hash,
        };
        row.Hash = AuditCanonicalForm.Hash(head.Hash, row);
        head.Sequence = row.Sequence;
        head.Hash = row.Hash;
        db.Add(row);
        await IndexRecordsAsync(chain, row.Sequence, records.Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        export.MarkPending(db);
    }

    /// <summary>
    /// The entry's record index rows, written now inside the caller's transaction by one multi-row INSERT
    /// per <see cref="RecordsPerStatement"/> records (a list page naming a hundred records costs one
    /// statement, not a hundred). Every value is a parameter, typed by the provider's own mapping as a LINQ
    /// query would type it.
    /// </summary>
    private async Task IndexRecordsAsync(Guid chain, long sequence, List<string> records, CancellationToken cancellationToken)
    {
        foreach (var chunk in records.Chunk(RecordsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO \"AuditEntryRecords\" (\"OrganisationId\", \"Record\", \"Sequence\") VALUES ");
            var values = new object[chunk.Length + 2];
            values[0] = chain;
            values[1] = sequence;
            for (var i = 0; i < chunk.Length; i++)
            {
                values[i + 2] = chunk[i];
                sql.Append(i == 0 ? "(" : ", (").Append("{0}, {").Append(i + 2).Append("}, {1})");
            }

            await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), values), cancellationToken);
        }
    }

    private async Task<AuditChainHead> LockHeadAsync(Guid chain, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var genesis = AuditCanonicalForm.Genesis;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AuditChainHeads" ("OrganisationId", "Sequence", "Hash") VALUES ({chain}, 0, {genesis}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            await db.Database.SqlQuery<long>(
                $"""SELECT "Sequence" AS "Value" FROM "AuditChainHeads" WHERE "OrganisationId" = {chain} FOR UPDATE""")
                .ToListAsync(cancellationToken);
        }
        else
        {
            // A write as the first thing: SQLite then holds the one write lock until commit, so no other
            // writer can read this head until this transaction ends (even if the caller began a deferred one).
            // Plain SQL rather than ExecuteUpdateAsync, which costs several times more to translate on every call.
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" WHERE "OrganisationId" = {chain}""", cancellationToken);
        }

        var tracked = db.ChangeTracker.Entries<AuditChainHead>().FirstOrDefault(e => e.Entity.OrganisationId == chain);
        if (tracked is not null)
        {
            // Appended earlier in this transaction and not saved yet: that is the head. Otherwise read it again
            // under the lock, as another writer may have moved it since this context last saw it.
            if (tracked.State == EntityState.Unchanged)
            {
                await tracked.ReloadAsync(cancellationToken);
            }

            if (tracked.State != EntityState.Detached)
            {
                return tracked.Entity;
            }
        }

        var head = await db.Set<AuditChainHead>().SingleOrDefaultAsync(h => h.OrganisationId == chain, cancellationToken);
        if (head is null)
        {
            head = new AuditChainHead { OrganisationId = chain, Sequence = 0, Hash = AuditCanonicalForm.Genesis };
            db.Add(head);
        }

        return head;
    }

    private static void Validate(AuditEvent entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Action) || entry.Action.Length > MaxActionLength || !entry.Action.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"An audit action is a dotted name of letters and digits, at most {MaxActionLength} characters, like concern.read.", nameof(entry));
        }

        ArgumentNullException.ThrowIfNull(entry.Records, nameof(entry));
        foreach (var record in entry.Records)
        {
            if (string.IsNullOrEmpty(record) || record.Length > MaxRecordLength || !record.Contains(':', StringComparison.Ordinal)
                || record.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new ArgumentException($"An audited record is named type:id, without spaces, at most {MaxRecordLength} characters.", nameof(entry));
            }
        }

        if (entry.Detail is { } detail && (detail.Length > MaxDetailLength || detail.Any(char.IsControl)))
        {
            throw new ArgumentException($"An audit detail is one line of at most {MaxDetailLength} characters.", nameof(entry));
        }
    }
}
