namespace Lantern.Learning.Records;

/// <summary>An organisation's refresher period for a course, for everyone (no role) or for the people with one role.</summary>
public sealed class RefresherSetting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid CourseId { get; init; }

    public string? Role { get; init; }

    public int Months { get; set; }
}
