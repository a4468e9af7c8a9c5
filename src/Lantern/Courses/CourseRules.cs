using System.Text.RegularExpressions;

namespace Lantern.Courses;

/// <summary>The rules every course must keep: the form of ids, the limits on files, and the media types accepted.</summary>
public static partial class CourseRules
{
    public const int MaxIdLength = 80;
    public const long MaxTextFileBytes = 1024 * 1024;
    public const long MaxMediaFileBytes = 20 * 1024 * 1024;
    public const long MaxCourseBytes = 50 * 1024 * 1024;
    public const int MaxFiles = 500;

    /// <summary>Words that course pages use in addresses, so no book or chapter may take them as an id.</summary>
    public static IReadOnlySet<string> ReservedIds { get; } = new HashSet<string>(StringComparer.Ordinal) { "media", "references", "import", "print", "pdf" };

    public static IReadOnlyDictionary<string, string> MediaTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".webm"] = "video/webm",
        [".mp4"] = "video/mp4",
        [".vtt"] = "text/vtt",
        [".mp3"] = "audio/mpeg",
    };

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    public const string IdAdvice = "Use lower-case letters, digits and hyphens, starting with a letter or digit (for example ‘warning-signs’), at most 80 characters.";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
