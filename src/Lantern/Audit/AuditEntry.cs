namespace Lantern.Audit;

/// <summary>
/// One entry of an organisation's audit chain (or the system chain, <see cref="AuditChains.System"/>). Rows
/// are only ever added; <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> ‖ canonical entry), see
/// <see cref="AuditCanonicalForm"/>.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    /// <summary>The chain: the organisation's id, or <see cref="AuditChains.System"/>.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>1, 2, 3 … with no gap, unique per chain.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (what both databases keep exactly).</summary>
    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string Action { get; set; } = string.Empty;

    /// <summary>The records named, <c>type:id</c>, separated by a line feed (none: empty).</summary>
    public string Records { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public byte[] PreviousHash { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    public IReadOnlyList<string> RecordList => Records.Length == 0 ? [] : Records.Split('\n');
}
