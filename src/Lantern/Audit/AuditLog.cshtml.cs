using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Audit;

/// <summary>
/// The organisation's audit log for its admins: newest first, a page at a time, filtered by the person who
/// acted and by a record named in the entry. Only the admin's own organisation's chain is ever queried.
/// </summary>
[Authorize(Policy = PageServices.AdminPolicy)]
public sealed class AuditLogModel(LanternDbContext db) : PageModel
{
    public const int PageSize = 50;


    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PersonChoice> People { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public bool Filtered => !string.IsNullOrEmpty(Person) || !string.IsNullOrEmpty(Record);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        People = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == org)
            .OrderBy(u => u.DisplayName)
            .Select(u => new PersonChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        var names = People.ToDictionary(p => p.Id, p => p.Name);

        Guid? actor = null;
        if (!string.IsNullOrEmpty(Person))
        {
            if (!Guid.TryParse(Person, out var id) || !names.ContainsKey(id))
            {
                ModelState.AddModelError(nameof(Person), "Select a person from the list");
            }
            else
            {
                actor = id;
            }
        }

        var record = Record?.Trim();
        if (!string.IsNullOrEmpty(record)
            && (record.Length > AuditTrail.MaxRecordLength || record.IndexOf(':', StringComparison.Ordinal) <= 0 || record.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            ModelState.AddModelError(nameof(Record), "Enter a record as its type and id, like person:0190a1b2-…");
        }

        if (PageNumber < 1 || PageNumber > 100_000)
        {
            PageNumber = 1;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var entries = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == org);
        if (actor is not null)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrEmpty(record))
        {
            entries = entries.Where(e => db.AuditEntryRecords.Any(r => r.OrganisationId == org && r.Record == record && r.Sequence == e.Sequence));
        }

        var found = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(e => new { e.Sequence, e.At, e.ActorId, e.Action, e.Records, e.Detail })
            .ToListAsync(cancellationToken);
        HasNextPage = found.Count > PageSize;
        Rows = found.Take(PageSize)
            .Select(e => new Row(
                e.Sequence,
                UkTime.Precise(e.At),
                e.ActorId is { } a ? names.GetValueOrDefault(a, "A person no longer in the organisation") : "Lantern",
                Describe(e.Action),
                e.Detail,
                e.Records.Length == 0 ? [] : e.Records.Split('\n').Select(r => LinkFor(r, names)).ToList()))
            .ToList();
        return Page();
    }

    public string PageLink(int pageNumber)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Person))
        {
            query.Add("person=" + Uri.EscapeDataString(Person));
        }

        if (!string.IsNullOrEmpty(Record))
        {
            query.Add("record=" + Uri.EscapeDataString(Record.Trim()));
        }

        if (pageNumber > 1)
        {
            query.Add("pageNumber=" + pageNumber.ToString(CultureInfo.InvariantCulture));
        }

        return "/admin/audit" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }

    /// <summary>The action in plain words; an action a later feature adds shows as its name until it is worded here.</summary>
    public static string Describe(string action) => action switch
    {
        AuditActions.SignInSucceeded => "Signed in",
        AuditActions.SignInFailed => "Sign-in failed",
        AuditActions.SignOut => "Signed out",
        AuditActions.TwoStepFailed => "Two-step verification failed",
        AuditActions.AccessDenied => "Access refused",
        AuditActions.PersonInvited => "Person invited",
        AuditActions.InvitationResent => "Invitation sent again",
        AuditActions.AccessChanged => "Roles and locations changed",
        AuditActions.PersonDisabled => "Account disabled",
        AuditActions.PersonEnabled => "Account enabled",
        AuditActions.TwoStepReset => "Two-step verification reset",
        _ => action,
    };

    private static RecordLink LinkFor(string record, Dictionary<Guid, string> names)
    {
        var colon = record.IndexOf(':', StringComparison.Ordinal);
        var type = colon > 0 ? record[..colon] : record;
        if (type == "person" && Guid.TryParse(record[(colon + 1)..], out var id) && names.TryGetValue(id, out var name))
        {
            return new RecordLink(record, name, $"/admin/people/{id}");
        }

        return new RecordLink(record, record, null);
    }

    public sealed record PersonChoice(Guid Id, string Name);

    public sealed record Row(long Sequence, string When, string Who, string Action, string? Detail, IReadOnlyList<RecordLink> Records);

    /// <summary>A record named in an entry: its <c>type:id</c>, the words shown for it, and a link where Lantern has a page for it.</summary>
    public sealed record RecordLink(string Record, string Text, string? Href);
}
