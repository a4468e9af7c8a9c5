using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Courses.Reading;

/// <summary>A course: what it is for and its books. A course the reader may not open is not found.</summary>
[AllowAnonymous]
public sealed class CoursePageModel(LanternDbContext db, CourseCatalog catalog) : PageModel
{
    [TempData]
    public string? ImportNotice { get; set; }

    public CourseView Course { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string course, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(db, course, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Course = found;
        PublicPageCache.MarkShareable(HttpContext);
        return Page();
    }
}
