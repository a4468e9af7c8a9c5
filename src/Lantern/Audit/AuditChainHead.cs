namespace Lantern.Audit;

/// <summary>The latest entry of one chain: the row an append locks, so concurrent writers never fork the chain.</summary>
public sealed class AuditChainHead
{
    public Guid OrganisationId { get; set; }

    /// <summary>The sequence number of the latest entry; 0 before the first.</summary>
    public long Sequence { get; set; }

    public byte[] Hash { get; set; } = [];
}
