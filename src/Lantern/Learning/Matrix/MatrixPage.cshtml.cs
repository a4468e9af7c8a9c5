using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Learning.Matrix;

/// <summary>
/// The training matrix: everyone in the organisation (or a location, a role, a course) against the
/// courses required of them, with each state, the compliance per course, and links to each person's
/// history and to the exports. People who have left appear only when asked for, and never count
/// towards compliance. Only the page's 50 people are read in full (<see cref="TrainingRecords.LoadPageAsync"/>).
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
public sealed class MatrixPageModel(LanternDbContext db, TrainingRecords records) : PageModel
{
    [FromQuery(Name = "location")]
    public string? Location { get; set; }

    [FromQuery(Name = "role")]
    public string? Role { get; set; }

    [FromQuery(Name = "course")]
    public string? Course { get; set; }

    [FromQuery(Name = "leavers")]
    public string? Leavers { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public MatrixFilter Filter => new(Location, Role, Course, Leavers, PageNumber);

    public TrainingChoices Choices { get; private set; } = null!;

    public TrainingPage Matrix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        var (outcome, query, page) = Filter.Read(Choices, ModelState);
        if (outcome == MatrixFilter.Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == MatrixFilter.Outcome.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Matrix = TrainingPage.Empty(await records.ColumnsAsync(org, new TrainingQuery(PersonId: Guid.Empty), cancellationToken));
            return Page();
        }

        Matrix = await records.LoadPageAsync(org, query, page, MatrixFilter.PageSize, cancellationToken);
        return Page();
    }
}
