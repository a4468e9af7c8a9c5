using System.Globalization;
using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Screenings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>
/// The safeguarding leads' inbox: open concerns they handle (never one about themselves), urgent first,
/// then oldest first, with how long each has waited; then the children whose CSE rescreen is due. One
/// audit entry names every concern and child shown.
/// </summary>
public sealed class InboxModel(LanternDbContext db, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public const int DefaultPageSize = 50;

    /// <summary>No page lists more than this, whatever the address asks for.</summary>
    public const int MaxPageSize = 200;

    public IReadOnlyList<Row> Concerns { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageSize { get; private set; } = DefaultPageSize;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The address of another page, keeping a page size that was asked for.</summary>
    public string PagePath(int page) =>
        "/concerns?page=" + page.ToString(CultureInfo.InvariantCulture) + (PageSize == DefaultPageSize ? "" : "&size=" + PageSize.ToString(CultureInfo.InvariantCulture));

    public DateTimeOffset Now { get; private set; }

    /// <summary>Rescreens due within this many days are listed before they fall due.</summary>
    public const int RescreenSoonDays = 14;

    public IReadOnlyList<Rescreen> Rescreens { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var lead = await db.SafeguardingSettings.AsNoTracking().Where(s => s.OrganisationId == me.OrganisationId).Select(s => s.AllegationsLeadId).SingleOrDefaultAsync(cancellationToken);
        if (!ConcernAccess.MayTriage(me, lead))
        {
            await audit.RecordAccessDeniedAsync(db, User, "concern-inbox:" + me.OrganisationId, null, cancellationToken);
            return Forbid();
        }

        Now = clock.GetUtcNow();
        // Read as text from the query (Razor Pages keeps the "page" route value for itself): a page number
        // that is not a number shows the first page, a size over the cap shows the cap.
        PageSize = ReadNumber(Request.Query["size"], DefaultPageSize, MaxPageSize);
        var open = db.Concerns.AsNoTracking()
            .Where(ConcernAccess.HandledBy(me))
            .Where(c => c.Status == ConcernStatus.Open);
        Total = await open.CountAsync(cancellationToken);
        PageNumber = Math.Min(ReadNumber(Request.Query["page"], 1, int.MaxValue), PageCount);

        // Urgent first, then the longest waiting; the id breaks ties so a row never shows on two pages.
        var rows = await open
            .OrderByDescending(c => c.Urgent).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(c => new { c.Id, c.Reference, c.Urgent, c.AboutStaff, c.RecordedAt, c.FirstOpenedAt, c.EscalatedAt, c.Categories })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var children = await (
                from cc in db.ConcernChildren
                join ch in db.Children on new { cc.OrganisationId, Id = cc.ChildId } equals new { ch.OrganisationId, ch.Id }
                where cc.OrganisationId == me.OrganisationId && ids.Contains(cc.ConcernId)
                select new { cc.ConcernId, ch.Id, ch.Name })
            .ToListAsync(cancellationToken);
        Concerns = rows.Select(r => new Row(
                r.Id, r.Reference, r.Urgent, r.AboutStaff, r.RecordedAt, r.FirstOpenedAt is not null, r.EscalatedAt is not null,
                ConcernRules.ParseCategories(r.Categories).Select(ConcernRules.CategoryTitle).ToList(),
                children.Where(c => c.ConcernId == r.Id).Select(c => c.Name).Order(StringComparer.CurrentCulture).ToList()))
            .ToList();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        // Rescreens due: each screenable child whose latest screening's next date has come.
        var due = await ScreeningAccess.Screenings(db, me)
            .Where(s => s.NextScreeningOn <= today.AddDays(RescreenSoonDays)
                && !db.ChildScreenings.Any(later => later.OrganisationId == s.OrganisationId && later.ChildId == s.ChildId && later.ScreenedAt > s.ScreenedAt))
            .Join(db.Children, s => new { s.OrganisationId, Id = s.ChildId }, ch => new { ch.OrganisationId, ch.Id }, (s, ch) => new { ch.Id, ch.Name, s.NextScreeningOn, s.FinalBand })
            .OrderBy(r => r.NextScreeningOn)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        Rescreens = due.Select(r => new Rescreen(r.Id, r.Name, r.NextScreeningOn, r.NextScreeningOn <= today, r.FinalBand)).ToList();
        var records = Concerns.Select(c => "concern:" + c.Id).Concat(children.Select(c => "child:" + c.Id)).Concat(Rescreens.Select(r => "child:" + r.ChildId)).Distinct().ToList();
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "concern.list", records.Count == 0 ? ["concern-inbox:" + me.OrganisationId] : records, "inbox"), cancellationToken);
        return Page();
    }

    /// <summary>A whole number from 1 to <paramref name="max"/> read from the address, or the fallback for anything else.</summary>
    public static int ReadNumber(string? text, int fallback, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? Math.Min(n, max) : fallback;

    public static string Waited(TimeSpan waited) =>
        waited.TotalMinutes < 1 ? "less than a minute"
        : waited.TotalHours < 1 ? Plural((int)waited.TotalMinutes, "minute")
        : waited.TotalDays < 2 ? Plural((int)waited.TotalHours, "hour") + (waited.Minutes > 0 && waited.TotalHours < 10 ? " " + Plural(waited.Minutes, "minute") : "")
        : Plural((int)waited.TotalDays, "day");

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    /// <summary>A child whose next screening is due or nearly due.</summary>
    public sealed record Rescreen(Guid ChildId, string Name, DateOnly Due, bool Overdue, Lantern.Screening.Scoring.RiskBand LastBand);

    /// <summary>One waiting concern, as the inbox lists it.</summary>
    public sealed record Row(Guid Id, string Reference, bool Urgent, bool AboutStaff, DateTimeOffset RecordedAt, bool Opened, bool Escalated, IReadOnlyList<string> Categories, IReadOnlyList<string> Children);
}
