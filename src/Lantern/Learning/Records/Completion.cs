namespace Lantern.Learning.Records;

/// <summary>
/// A course completed, kept for good: the version it was made against, the score and the refresher
/// period that applied, so a later version of the course or a changed setting never undoes it. Training
/// done elsewhere is recorded the same way, with its provider, validity and evidence.
/// </summary>
public sealed class Completion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public CompletionSource Source { get; init; }

    /// <summary>For a Lantern completion, the attempt it completed (one completion per attempt); null for training elsewhere.</summary>
    public int? Attempt { get; init; }

    public Guid? VersionId { get; init; }

    public int? VersionNumber { get; init; }

    public required string CourseTitle { get; init; }

    public DateOnly CompletedOn { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public int? Score { get; init; }

    public int? PassMark { get; init; }

    public int? RefresherMonths { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public string? Provider { get; init; }

    /// <summary>The manager who recorded training done elsewhere.</summary>
    public Guid? RecordedById { get; init; }

    /// <summary>Training done elsewhere that was the designated safeguarding lead's own training (24 months by default).</summary>
    public bool DslTraining { get; init; }

    public string? EvidenceName { get; init; }

    public string? EvidenceType { get; init; }

    public long? EvidenceLength { get; init; }

    public string? EvidenceKeyId { get; init; }

    /// <summary>The evidence file, sealed with <see cref="EvidenceContext"/>.</summary>
    public byte[]? Evidence { get; init; }

    public static string EvidenceContext(Guid id) => $"completion:{id}:evidence";
}
