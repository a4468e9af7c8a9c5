using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Courses.Reading;

/// <summary>A book: its contents, numbered as in print, and where to start.</summary>
[AllowAnonymous]
public sealed class BookModel(LanternDbContext db, CourseCatalog catalog) : PageModel
{
    public BookPlace Place { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string course, string book, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(db, course, User, cancellationToken);
        if (found?.Content.Book(book) is not { } content)
        {
            return NotFound();
        }

        Place = new BookPlace(found, content, null);
        PublicPageCache.MarkShareable(HttpContext);
        return Page();
    }
}
