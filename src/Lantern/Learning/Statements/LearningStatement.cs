namespace Lantern.Learning.Statements;

/// <summary>
/// One learning event as an xAPI 1.0.3 statement (its JSON kept as sent), and when it was forwarded to
/// the organisation's learning record store, if one is configured.
/// </summary>
public sealed class LearningStatement
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public required string Verb { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public required string Json { get; init; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public int ForwardAttempts { get; set; }

    /// <summary>Not tried again before this time: after a failure (waits doubling), or while a run has claimed it.</summary>
    public DateTimeOffset? NextForwardAt { get; set; }
}
