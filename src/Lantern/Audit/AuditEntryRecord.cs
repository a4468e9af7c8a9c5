namespace Lantern.Audit;

/// <summary>
/// An index of the records an entry names, so the audit log can be filtered by record
/// (<c>concern:0190…</c>) without scanning every entry. Not part of the hash: it can be rebuilt from the entries.
/// </summary>
public sealed class AuditEntryRecord
{
    public Guid OrganisationId { get; set; }

    public string Record { get; set; } = string.Empty;

    public long Sequence { get; set; }
}
