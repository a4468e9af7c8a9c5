namespace Lantern.Courses;

/// <summary>
/// One import of a course: never changed after it is written. Learning records keep the version they
/// were made against. <see cref="Content"/> is the whole course as JSON (see <c>Model/CourseContent</c>);
/// the columns beside it serve lists without reading it.
/// </summary>
public sealed class CourseVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? OrganisationId { get; init; }

    public Guid CourseId { get; init; }

    public int Number { get; init; }

    public required string Title { get; init; }

    public string? Programme { get; init; }

    public required string Summary { get; init; }

    public bool IsPublic { get; init; }

    /// <summary>SHA-256 of the files imported, so an unchanged library course is not imported again.</summary>
    public required string SourceHash { get; init; }

    public required string Content { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>The person who imported it; null for the library and the command line.</summary>
    public Guid? ImportedBy { get; init; }
}
