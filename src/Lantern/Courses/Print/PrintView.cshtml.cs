using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.Courses.Model;
using Lantern.Courses.Reading;
using Lantern.Data;
using Lantern.Printing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lantern.Courses.Print;

/// <summary>
/// The print view of a whole book or of one chapter: the book's print form as one page, with a header
/// saying where it is from, who printed it and when (UK time), and print styles so the browser's print
/// preview shows the book and not the site around it.
/// </summary>
[AllowAnonymous]
public sealed class PrintViewModel(LanternDbContext db, CourseCatalog catalog, TimeProvider clock, IOptions<LanternOptions> options) : PageModel
{
    public const string AnonymousReader = "Anonymous visitor";

    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public BookPlace Place { get; private set; } = null!;

    public PrintDocument Document { get; private set; } = null!;

    public IReadOnlyList<PrintHeaderField> Header { get; private set; } = [];

    public string PdfPath => Place.Chapter is null ? $"{Place.BookPath}/pdf" : $"{Place.BookPath}/pdf/{Place.Chapter.Id}";

    public async Task<IActionResult> OnGetAsync(string course, string book, string? chapter, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(db, course, User, cancellationToken);
        if (found?.Content.Book(book) is not { } bookContent)
        {
            return NotFound();
        }

        ChapterContent? chapterContent = null;
        if (chapter is not null && (chapterContent = bookContent.Chapter(chapter)) is null)
        {
            return NotFound();
        }

        Place = new BookPlace(found, bookContent, chapterContent);
        var reader = PrintReader.ForPage(User);
        Document = chapterContent is null
            ? CoursePrint.Book(found.Content, bookContent, reader)
            : CoursePrint.Chapter(found.Content, bookContent, chapterContent, reader);
        Header = Fields(Place, User.Identity?.IsAuthenticated == true ? User.GetDisplayName() : AnonymousReader, clock.GetUtcNow());
        return Page();
    }

    /// <summary>The print header: the site's name, course, book (and chapter), who printed it and when, in UK time.</summary>
    public IReadOnlyList<PrintHeaderField> Fields(BookPlace place, string printedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(place);
        var fields = new List<PrintHeaderField>
        {
            new("Site", options.Value.SiteName),
            new("Course", place.Course.Content.Title),
            new("Book", place.Book.Title),
        };
        if (place.Chapter is { } chapter)
        {
            fields.Add(new("Chapter", $"{chapter.Number} {chapter.Title}"));
        }

        fields.Add(new("Printed by", printedBy));
        fields.Add(new("Date and time", UkDateTime(now)));
        return fields;
    }

    /// <summary>"29 November 2026, 14:05 GMT": the time in the UK, with the clocks' name so nobody wonders which.</summary>
    public static string UkDateTime(DateTimeOffset instant)
    {
        var uk = TimeZoneInfo.ConvertTime(instant, UkTime);
        var zone = UkTime == TimeZoneInfo.Utc ? "UTC" : UkTime.IsDaylightSavingTime(uk) ? "BST" : "GMT";
        return uk.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) + " " + zone;
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
