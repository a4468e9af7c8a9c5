namespace Lantern.Audit;

/// <summary>A chain's head as written outside the database: the chain key, the latest sequence number and its hash (hex).</summary>
public sealed record ExportedHead(Guid OrganisationId, long Sequence, string Hash);
