using Lantern.Courses.Model;

namespace Lantern.Courses.Import;

/// <summary>What every part of one import shares: the course's files, its references, where its media will be served, and the problems found.</summary>
public sealed class ImportContext(string courseSlug, Guid versionId, CourseSource source, ProblemList problems)
{
    public string CourseSlug { get; } = courseSlug;

    public Guid VersionId { get; } = versionId;

    public CourseSource Source { get; } = source;

    public ProblemList Problems { get; } = problems;

    public ContentSanitizer Sanitizer { get; } = new();

    public Dictionary<string, Reference> References { get; } = new(StringComparer.Ordinal);

    /// <summary>The book being read, for citation links and its reference list.</summary>
    public string BookId { get; set; } = string.Empty;

    public HashSet<string> CitedInBook { get; } = new(StringComparer.Ordinal);

    /// <summary>Media files a block or image uses, to be stored with the version.</summary>
    public HashSet<string> UsedMedia { get; } = new(StringComparer.Ordinal);

    /// <summary>Every id given to a chapter, subchapter or block: none may be used twice in a course.</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    public string MediaUrl(string path) => $"/learn/{CourseSlug}/media/{VersionId}/{path}";

    public string ReferencesUrl => $"/learn/{CourseSlug}/{BookId}/references";

    /// <summary>Claims an id for the course; a second use is a problem naming the first.</summary>
    public bool ClaimId(string id, string file, int line)
    {
        var place = $"{file}, line {line}";
        if (Ids.TryGetValue(id, out var first))
        {
            Problems.Add(file, line, $"The id ‘{id}’ is already used ({first}). Give each chapter, subchapter and block an id of its own.");
            return false;
        }

        Ids[id] = place;
        return true;
    }

    /// <summary>
    /// Checks a path to a media file the course uses: relative, inside the folder, present, of a type
    /// accepted. Returns the path to serve, or null with the problem listed.
    /// </summary>
    public string? Media(string? path, string file, int line, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith('/') || path.Split('/').Any(p => p is "" or "." or ".."))
        {
            Problems.Add(file, line, $"The {what} ‘{path}’ must be a file in the course folder, written as a path such as media/picture.png.");
            return null;
        }

        if (!CourseRules.MediaTypes.ContainsKey(Path.GetExtension(path)))
        {
            Problems.Add(file, line, $"The {what} ‘{path}’ is not a type of file a course can use. Use {string.Join(", ", CourseRules.MediaTypes.Keys)}.");
            return null;
        }

        if (!Source.Files.ContainsKey(path))
        {
            Problems.Add(file, line, $"The {what} ‘{path}’ is not in the course folder. Add the file, or correct the path (it is case-sensitive).");
            return null;
        }

        UsedMedia.Add(path);
        return MediaUrl(path);
    }
}
