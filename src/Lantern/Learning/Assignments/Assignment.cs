namespace Lantern.Learning.Assignments;

/// <summary>A course a training manager requires of everyone, one person, everyone with a role, or everyone at a location, by a date.</summary>
public sealed class Assignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid CourseId { get; init; }

    public AssignmentTarget Target { get; init; }

    public Guid? PersonId { get; init; }

    public string? Role { get; init; }

    public Guid? LocationId { get; init; }

    public DateOnly DueOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedById { get; init; }
}
