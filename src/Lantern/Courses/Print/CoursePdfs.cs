using System.Security.Claims;
using Lantern.Courses.Reading;
using Lantern.Data;
using Lantern.Printing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lantern.Courses.Print;

/// <summary>
/// The PDFs of course books and chapters, made once per course version and kept in memory: a version
/// never changes, so its PDF never does. The PDF carries no personal details (its header names the
/// site, course, book and version, not who downloaded it or when), so one copy serves every reader who
/// sees the same links into Lantern; "Printed by" and the date are on the print view, which is made per
/// request. PDFs are written one at a time per node, which bounds the memory and processor they take.
/// </summary>
public sealed class CoursePdfs(IOptions<LanternOptions> options) : IDisposable
{
    /// <summary>At most this many bytes of PDFs are kept; the least used go first.</summary>
    public const long CacheBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>How many PDFs this node has written (not served from memory); for tests and diagnostics.</summary>
    public int Written { get; private set; }

    public async Task<byte[]> GetAsync(LanternDbContext db, BookPlace place, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(reader);
        var key = (place.Course.VersionId, place.Book.Id, place.Chapter?.Id, PrintReader.AudienceKey(reader));
        if (_cache.TryGetValue(key, out byte[]? pdf))
        {
            return pdf!;
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(key, out pdf))
            {
                return pdf!;
            }

            var images = await ImagesAsync(db, place.Course, cancellationToken);
            var print = new PrintReader(
                address => new PrintImage(images.TryGetValue(address, out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty) { Address = address },
                page => page.MayOpen(reader));
            var content = place.Course.Content;
            var document = place.Chapter is null
                ? CoursePrint.Book(content, place.Book, print)
                : CoursePrint.Chapter(content, place.Book, place.Chapter, print);
            document = document with { Header = Header(place), Author = options.Value.SiteName };
            using var output = new MemoryStream();
            PrintPdf.Write(document, output);
            pdf = output.ToArray();
            _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromHours(1) });
            Written++;
            return pdf;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The header on every page of the PDF: the site, course, book (and chapter), and the version printed.</summary>
    public IReadOnlyList<PrintHeaderField> Header(BookPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var fields = new List<PrintHeaderField>
        {
            new(null, options.Value.SiteName),
            new("Course", place.Course.Content.Title),
            new("Book", place.Book.Title),
        };
        if (place.Chapter is { } chapter)
        {
            fields.Add(new("Chapter", $"{chapter.Number} {chapter.Title}"));
        }

        fields.Add(new("Version", place.Course.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return fields;
    }

    /// <summary>The file name offered for the download: the course, book and chapter ids, which are safe in a file name.</summary>
    public static string FileName(BookPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.Chapter is null
            ? $"{place.Course.Content.Id}-{place.Book.Id}.pdf"
            : $"{place.Course.Content.Id}-{place.Book.Id}-{place.Chapter.Number}-{place.Chapter.Id}.pdf";
    }

    /// <summary>The version's pictures that a PDF can show (PNG and JPEG), by the address the course's HTML gives them.</summary>
    private static async Task<Dictionary<string, ReadOnlyMemory<byte>>> ImagesAsync(LanternDbContext db, CourseView course, CancellationToken cancellationToken)
    {
        var assets = await db.CourseAssets
            .Where(a => a.OrganisationId == course.OrganisationId && a.VersionId == course.VersionId
                        && (a.ContentType == "image/png" || a.ContentType == "image/jpeg"))
            .Select(a => new { a.Path, a.Data })
            .ToListAsync(cancellationToken);
        return assets.ToDictionary(
            a => $"/learn/{course.Content.Id}/media/{course.VersionId}/{a.Path}",
            a => (ReadOnlyMemory<byte>)a.Data,
            StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _writing.Dispose();
    }
}
