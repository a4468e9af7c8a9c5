namespace Lantern.Data;

/// <summary>
/// Who runs a background job now: a node takes the lease (a row) for a while and renews it, so among
/// several app nodes only one runs each job at a time (ENGINEERING.md, "Stateless app nodes").
/// </summary>
public sealed class JobLease
{
    public required string Name { get; init; }

    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
