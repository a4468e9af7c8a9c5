namespace Lantern.Concerns;

/// <summary>
/// The files a concern may carry (images and PDF), told by their first bytes, never by their name:
/// a file whose name says one type and whose content is another is refused. Evidence of training done
/// elsewhere uses the same check with a narrower list (<see cref="Documents"/>).
/// </summary>
public static class AttachmentTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerConcern = 10;

    private static readonly (string ContentType, string Name, string[] Extensions, Func<ReadOnlyMemory<byte>, bool> Matches)[] Known =
    [
        ("image/jpeg", "JPG", [".jpg", ".jpeg"], b => StartsWith(b.Span, [0xFF, 0xD8, 0xFF])),
        ("image/png", "PNG", [".png"], b => StartsWith(b.Span, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ("image/gif", "GIF", [".gif"], b => StartsWith(b.Span, "GIF87a"u8) || StartsWith(b.Span, "GIF89a"u8)),
        ("image/webp", "WebP", [".webp"], b => b.Length >= 12 && StartsWith(b.Span, "RIFF"u8) && b.Span[8..12].SequenceEqual("WEBP"u8)),
        ("application/pdf", "PDF", [".pdf"], b => StartsWith(b.Span, "%PDF-"u8)),
    ];

    /// <summary>Certificates and letters: PDF, JPG and PNG only.</summary>
    public static IReadOnlyList<string> Documents { get; } = ["application/pdf", "image/jpeg", "image/png"];

    public static string AllowedExtensions => string.Join(",", Known.SelectMany(k => k.Extensions));

    public static string ExtensionsOf(IReadOnlyCollection<string> contentTypes) =>
        string.Join(",", Known.Where(k => contentTypes.Contains(k.ContentType)).SelectMany(k => k.Extensions));

    /// <summary>The content type of an allowed file, or why it is refused.</summary>
    public static (string? ContentType, string? Problem) Check(string fileName, ReadOnlyMemory<byte> content) =>
        Check(fileName, content, null);

    /// <summary>The content type of a file allowed among <paramref name="allowed"/> (every known type when null), or why it is refused.</summary>
    public static (string? ContentType, string? Problem) Check(string fileName, ReadOnlyMemory<byte> content, IReadOnlyCollection<string>? allowed)
    {
        var kinds = Kinds(allowed ?? Known.Select(k => k.ContentType).ToList());
        if (content.Length == 0)
        {
            return (null, "The selected file is empty");
        }

        if (content.Length > MaxBytes)
        {
            return (null, "The selected file must be smaller than 10 MB");
        }

        var match = Known.FirstOrDefault(k => (allowed is null || allowed.Contains(k.ContentType)) && k.Matches(content));
        if (match.ContentType is null)
        {
            return (null, "The selected file must be " + kinds);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return match.Extensions.Contains(extension)
            ? (match.ContentType, null)
            : (null, "The selected file's name does not match what is in it. Check it is the file you meant, and that it is " + kinds);
    }

    /// <summary>"a PDF, JPG or PNG": the allowed types by name, in the order given.</summary>
    private static string Kinds(IReadOnlyCollection<string> allowed)
    {
        var names = allowed.Select(type => Known.First(k => k.ContentType == type).Name).ToList();
        return "a " + (names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1]);
    }

    private static bool StartsWith(ReadOnlySpan<byte> content, ReadOnlySpan<byte> prefix) => content.StartsWith(prefix);
}
