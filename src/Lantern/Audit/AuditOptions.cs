namespace Lantern.Audit;

/// <summary>Bound from <c>Lantern:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Lantern:Audit";

    /// <summary>
    /// Where the latest head of every chain is written, outside the database. Empty: <c>audit-heads.json</c> in
    /// the data folder. With several nodes, a path on storage they share.
    /// </summary>
    public string? HeadsFile { get; set; }

    /// <summary>How long after a commit the heads are written, so a burst of appends costs one write.</summary>
    public int ExportDelayMilliseconds { get; set; } = 1000;
}
