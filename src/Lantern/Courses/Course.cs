namespace Lantern.Courses;

/// <summary>
/// A course as a lasting thing: its author-given id (the slug in addresses) and the version readers
/// see now. Shipped courses form a library with no organisation; a course an organisation imports
/// belongs to it alone.
/// </summary>
public sealed class Course
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Null for the shipped library.</summary>
    public Guid? OrganisationId { get; init; }

    public required string Slug { get; init; }

    public Guid? CurrentVersionId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
