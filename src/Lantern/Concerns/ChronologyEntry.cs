namespace Lantern.Concerns;

/// <summary>
/// One line of a child's chronology. <see cref="OccurredAt"/> is when the thing happened (it may be
/// backdated, and the chronology is ordered by it); <see cref="RecordedAt"/> is when it was written down.
/// </summary>
public sealed class ChronologyEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid ChildId { get; init; }

    public ChronologyKind Kind { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public Guid RecordedById { get; init; }

    /// <summary>The concern the entry belongs to; null for a screening made from the child's record.</summary>
    public Guid? ConcernId { get; init; }

    public Guid? DecisionId { get; init; }

    public Guid? AddendumId { get; init; }

    public Guid? ScreeningId { get; init; }
}
