namespace Lantern.Learning.Progress;

/// <summary>A learner's latest answer to one question in an attempt at a course, as marked on the server.</summary>
public sealed class QuestionAnswer
{
    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public int Attempt { get; init; }

    public required string BookId { get; init; }

    public required string ChapterId { get; init; }

    public required string QuestionId { get; init; }

    public bool Right { get; set; }

    public int Answers { get; set; }

    public Guid VersionId { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
