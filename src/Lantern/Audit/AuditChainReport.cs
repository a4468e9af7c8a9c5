namespace Lantern.Audit;

/// <summary>What verifying one chain found: its length, and the first broken entry if any.</summary>
public sealed record AuditChainReport(Guid OrganisationId, long Entries, long? BrokenAt, string? Problem)
{
    public bool Ok => BrokenAt is null;
}
