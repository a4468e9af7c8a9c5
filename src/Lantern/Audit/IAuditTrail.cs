namespace Lantern.Audit;

/// <summary>
/// The append-only, hash-chained audit log (ENGINEERING.md, "Audit chain per organisation").
/// Call <see cref="AppendAsync"/> inside the DbContext transaction of the change it records:
/// it locks the organisation's chain head and adds the entry to the context, so the caller's
/// <c>SaveChangesAsync</c> and commit write the entry with the change, or neither.
/// A read is recorded the same way: begin a transaction, append, save, commit.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken = default);
}

/// <summary>
/// One thing that happened. <paramref name="OrganisationId"/> null puts it on the system chain.
/// <paramref name="Action"/> is a dotted name such as <c>concern.read</c>, <c>concern.create</c>,
/// <c>access.denied</c>, <c>signin.succeeded</c>. <paramref name="Records"/> names every record
/// shown or changed as <c>type:id</c> (e.g. <c>concern:0190…</c>). <paramref name="Detail"/> is a
/// short, non-sensitive note: never free text from a record.
/// </summary>
public sealed record AuditEvent(
    Guid? OrganisationId,
    Guid? ActorId,
    string Action,
    IReadOnlyList<string> Records,
    string? Detail = null);
