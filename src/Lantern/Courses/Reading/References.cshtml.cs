using Lantern.Courses.Model;
using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Courses.Reading;

/// <summary>The end of a book: every work its chapters cite, in full, in alphabetical order.</summary>
[AllowAnonymous]
public sealed class ReferencesModel(LanternDbContext db, CourseCatalog catalog) : PageModel
{
    public BookPlace Place { get; private set; } = null!;

    public IReadOnlyList<Reference> References { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string course, string book, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(db, course, User, cancellationToken);
        if (found?.Content.Book(book) is not { } content)
        {
            return NotFound();
        }

        Place = new BookPlace(found, content, null);
        var cited = content.CitedReferenceKeys.ToHashSet(StringComparer.Ordinal);
        References = found.Content.References.Where(r => cited.Contains(r.Key)).OrderBy(r => r.Citation, StringComparer.CurrentCulture).ToList();
        PublicPageCache.MarkShareable(HttpContext);
        return Page();
    }
}
