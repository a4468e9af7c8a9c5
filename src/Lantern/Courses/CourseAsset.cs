namespace Lantern.Courses;

/// <summary>A media file of a course version (image, video, captions), kept in the database with the version so every node serves it.</summary>
public sealed class CourseAsset
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? OrganisationId { get; init; }

    public Guid VersionId { get; init; }

    /// <summary>The path inside the course folder, e.g. <c>media/intro.webm</c>.</summary>
    public required string Path { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Data { get; init; }
}
