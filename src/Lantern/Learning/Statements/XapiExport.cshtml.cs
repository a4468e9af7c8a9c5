using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns.Recording;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Learning.Statements;

/// <summary>
/// The organisation's xAPI statements for its admins: how many there are and how many have been
/// forwarded to the learning record store, and a download of them as one JSON array, optionally between
/// two dates (UK days, both included), streamed as it is read and audited. Only the admin's own
/// organisation's statements are ever queried.
/// </summary>
[Authorize(Policy = PageServices.AdminPolicy)]
public sealed class XapiExportModel(LanternDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<XapiOptions> xapi) : PageModel
{
    public const string ExportedAction = "xapi.exported";
    public const string FileName = "statements.json";

    [BindProperty(SupportsGet = true)]
    public string? FromDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToYear { get; set; }

    public int Count { get; private set; }

    public int Forwarded { get; private set; }

    public bool StoreConfigured => xapi.Value.Configured;

    public async Task<IActionResult> OnGetAsync(string? file, CancellationToken cancellationToken)
    {
        if (file is not null && file != FileName)
        {
            return NotFound();
        }

        var org = User.GetOrganisationId();
        if (file is null)
        {
            await CountAsync(org, cancellationToken);
            return Page();
        }

        var from = ReadDate(nameof(FromDay), FromDay, FromMonth, FromYear, "start");
        var to = ReadDate(nameof(ToDay), ToDay, ToMonth, ToYear, "end");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(ToDay), "The end date must be the same as or after the start date");
        }

        if (!ModelState.IsValid)
        {
            await CountAsync(org, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var statements = db.LearningStatements.AsNoTracking().Where(s => s.OrganisationId == org);
        if (from is { } f)
        {
            var start = UkTime.FromUk(f, TimeOnly.MinValue).ToUniversalTime();
            statements = statements.Where(s => s.Timestamp >= start);
        }

        if (to is { } t)
        {
            var end = UkTime.FromUk(t.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
            statements = statements.Where(s => s.Timestamp < end);
        }

        var range = (from is null ? "from the first" : $"from {from:yyyy-MM-dd}") + (to is null ? " to the latest" : $" to {to:yyyy-MM-dd}");
        await audit.RecordAsync(db, new AuditEvent(org, User.GetUserId(), ExportedAction, ["xapi-statements:" + org], range), cancellationToken);

        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"xapi-statements-{UkTime.Today(clock):yyyy-MM-dd}.json\"";
        Response.Headers.CacheControl = "no-store";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await XapiStatement.WriteArrayAsync(
            Response.Body,
            statements.OrderBy(s => s.Timestamp).ThenBy(s => s.Id).Select(s => s.Json).AsAsyncEnumerable(),
            cancellationToken);
        return new EmptyResult();
    }

    private DateOnly? ReadDate(string field, string? day, string? month, string? year, string which)
    {
        if (DateParts.IsEmpty(day, month, year))
        {
            return null;
        }

        var date = DateParts.Read(day, month, year);
        if (date is null)
        {
            ModelState.AddModelError(field, $"The {which} date must be a real date, for example 14 6 2026");
        }

        return date;
    }

    private async Task CountAsync(Guid org, CancellationToken cancellationToken)
    {
        var counts = await db.LearningStatements.Where(s => s.OrganisationId == org)
            .GroupBy(s => s.ForwardedAt != null)
            .Select(g => new { Forwarded = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Count = counts.Sum(c => c.Count);
        Forwarded = counts.Where(c => c.Forwarded).Sum(c => c.Count);
    }
}
