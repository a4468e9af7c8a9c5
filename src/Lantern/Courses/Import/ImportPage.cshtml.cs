using Lantern.Accounts;
using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Courses.Import;

/// <summary>
/// A course author uploads a zip of a course folder; it becomes a new version of their organisation's
/// course, or, if anything is wrong, nothing changes and every problem is listed with its file and line.
/// </summary>
[Authorize(Roles = Roles.CourseAuthor)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(UploadLimit)]
public sealed class ImportPageModel(CourseImporter importer) : PageModel
{
    public const long UploadLimit = CourseRules.MaxCourseBytes + (1024 * 1024);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a zip file of the course folder");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var source = await CourseSource.FromZipAsync(buffer, Path.GetFileName(Upload.FileName), cancellationToken);
        var outcome = await importer.ImportAsync(source, User.GetOrganisationId(), User.GetUserId(), onlyIfChanged: false, cancellationToken);
        if (!outcome.Imported)
        {
            Problems = outcome.Problems;
            ModelState.AddModelError(nameof(Upload), Problems.Count == 1
                ? "The course was not imported: there is 1 problem to fix"
                : $"The course was not imported: there are {Problems.Count} problems to fix");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData[nameof(Reading.CoursePageModel.ImportNotice)] = $"Version {outcome.VersionNumber} of ‘{outcome.Title}’ imported. Readers see it now.";
        return Redirect($"/learn/{outcome.CourseSlug}");
    }
}
