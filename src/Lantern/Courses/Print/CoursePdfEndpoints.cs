using Lantern.Courses.Model;
using Lantern.Courses.Reading;
using Lantern.Data;

namespace Lantern.Courses.Print;

/// <summary>
/// Downloads of a book or a chapter as a tagged PDF, for whoever may read the course: anyone else, and
/// an address that leads to no book or chapter, gets 404. The addresses carry only the course's, book's
/// and chapter's ids, never anything about the reader.
/// </summary>
public static class CoursePdfEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/learn/{course}/{book}/pdf/{chapter?}", async (string course, string book, string? chapter, HttpContext context, LanternDbContext db, CourseCatalog catalog, CoursePdfs pdfs) =>
        {
            var found = await catalog.FindAsync(db, course, context.User, context.RequestAborted);
            if (found?.Content.Book(book) is not { } bookContent)
            {
                return Results.NotFound();
            }

            ChapterContent? chapterContent = null;
            if (chapter is not null && (chapterContent = bookContent.Chapter(chapter)) is null)
            {
                return Results.NotFound();
            }

            var place = new BookPlace(found, bookContent, chapterContent);
            var pdf = await pdfs.GetAsync(db, place, context.User, context.RequestAborted);
            return Results.File(pdf, "application/pdf", CoursePdfs.FileName(place));
        }).AllowAnonymous();
    }
}
