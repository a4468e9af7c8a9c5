using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Courses.Reading;

/// <summary>The courses a reader may open, by programme: public ones for everyone, the rest once signed in.</summary>
[AllowAnonymous]
public sealed class LearnModel(LanternDbContext db) : PageModel
{
    public IReadOnlyList<CourseListing> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Courses = await CourseCatalog.ListAsync(db, User, cancellationToken);
        PublicPageCache.MarkShareable(HttpContext);
    }
}
