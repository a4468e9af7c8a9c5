namespace Lantern.Learning.Certificates;

/// <summary>
/// A certificate of a completion. Its code (at least 80 random bits; here 120) is what anyone may use to
/// check it is genuine, so it is unique across all organisations. A revoked certificate stays, marked.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid CompletionId { get; init; }

    public Guid UserId { get; init; }

    public required string Code { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The training manager or organisation admin who revoked it.</summary>
    public Guid? RevokedById { get; set; }

    /// <summary>Why it was revoked, as written by the person who revoked it.</summary>
    public string? RevokedReason { get; set; }
}
