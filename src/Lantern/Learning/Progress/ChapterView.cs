namespace Lantern.Learning.Progress;

/// <summary>
/// The first time a learner opened a chapter in an attempt at a course (attempt 0 until their first
/// completion, then 1 for the first refresher, and so on). Later views change nothing.
/// </summary>
public sealed class ChapterView
{
    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public int Attempt { get; init; }

    public required string BookId { get; init; }

    public required string ChapterId { get; init; }

    public Guid VersionId { get; init; }

    public DateTimeOffset FirstViewedAt { get; init; }
}
