using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Matrix;

/// <summary>The matrix as CSV or XLSX, with the same filters as the page, streamed as it is written; each export is audited.</summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
public sealed class MatrixExportPageModel(LanternDbContext db, TrainingRecords records, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public const string ExportedAction = "training.exported";

    public async Task<IActionResult> OnGetAsync(string format, [FromQuery(Name = "location")] string? location, [FromQuery(Name = "role")] string? role,
        [FromQuery(Name = "course")] string? course, [FromQuery(Name = "leavers")] string? leavers, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var org = User.GetOrganisationId();
        var choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        var filter = new MatrixFilter(location, role, course, leavers, null);
        var (outcome, query, _) = filter.Read(choices, ModelState);
        if (outcome == MatrixFilter.Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == MatrixFilter.Outcome.Invalid)
        {
            return BadRequest();
        }

        var columns = await records.ColumnsAsync(org, query, cancellationToken);
        var people = await records.CountAsync(org, query, cancellationToken);
        var organisation = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var words = new List<string>();
        if (query.LocationId is { } l)
        {
            words.Add("location " + choices.Locations.First(x => x.Id == l).Name);
        }

        if (query.Role is { } r)
        {
            words.Add("role " + TrainingChoices.RoleTitle(r));
        }

        if (query.CourseId is { } c)
        {
            words.Add("course " + choices.CourseTitle(c));
        }

        words.Add(query.IncludeLeavers ? "people who have left included" : "people who have left not included");
        var heading = MatrixExport.Heading(organisation, now, User.GetDisplayName(), "Filters: " + string.Join("; ", words));
        await audit.RecordAsync(db, new AuditEvent(org, User.GetUserId(), ExportedAction, ["training-matrix:" + org], $"{format}, {people} people, {columns.Courses.Count} courses"), cancellationToken);

        Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = $"attachment; filename=\"training-matrix-{now:yyyy-MM-dd}.{format}\"";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var rows = records.RowsAsync(org, query, columns, 0, int.MaxValue, cancellationToken);
        if (format == "csv")
        {
            await MatrixExport.WriteCsvAsync(Response.Body, heading, columns, rows, cancellationToken);
        }
        else
        {
            // The zip's last directory is written synchronously when the workbook is finished; allow it for this response alone.
            if (HttpContext.Features.Get<IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }

            await MatrixExport.WriteXlsxAsync(Response.Body, heading, columns, rows, cancellationToken);
        }

        return new EmptyResult();
    }
}
