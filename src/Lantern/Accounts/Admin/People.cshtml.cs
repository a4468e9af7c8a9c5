using System.Text.RegularExpressions;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Admin;

/// <summary>Everyone in the admin's organisation, disabled people included: they stay in the records.</summary>
public sealed class PeopleModel(LanternDbContext db) : PageModel
{
    public string Organisation { get; private set; } = string.Empty;

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        Organisation = User.FindFirst(LanternClaims.OrganisationName)?.Value ?? string.Empty;

        var people = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == org)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.ActivatedAt, u.DisabledAt })
            .ToListAsync(cancellationToken);

        var roles = (await (
                from ur in db.UserRoles
                join u in db.Users on ur.UserId equals u.Id
                where u.OrganisationId == org
                select new { ur.UserId, ur.RoleId })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.RoleId);

        var locations = (await (
                from ul in db.UserLocations
                join l in db.Locations on ul.LocationId equals l.Id
                where ul.OrganisationId == org && l.OrganisationId == org
                orderby l.Name
                select new { ul.UserId, l.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.UserId, l => l.Name);

        People = people
            .Select(p => new PersonRow(
                p.Id,
                p.DisplayName,
                p.Email ?? string.Empty,
                Roles.All.Where(r => roles[p.Id].Contains(r.Id)).Select(r => r.Title).ToList(),
                locations[p.Id].ToList(),
                PersonStatus.Of(p.ActivatedAt, p.DisabledAt)))
            .ToList();
    }

    public sealed record PersonRow(
        Guid Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Locations, PersonStatus Status)
    {
        /// <summary>The address with break points before each "@" and ".", so it wraps on a narrow screen.</summary>
        public IHtmlContent EmailWithBreaks()
        {
            var html = new HtmlContentBuilder();
            foreach (var (part, index) in Regex.Split(Email, "(?=[@.])").Select((part, index) => (part, index)))
            {
                if (index > 0)
                {
                    html.AppendHtml("<wbr>");
                }

                html.Append(part);
            }

            return html;
        }
    }
}
