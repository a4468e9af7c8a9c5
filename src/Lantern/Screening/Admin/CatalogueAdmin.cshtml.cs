using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Screening.Admin;

/// <summary>The organisation's screening catalogue for its admins: every version published, and any one of them in full.</summary>
[Authorize(Policy = PageServices.AdminPolicy)]
public sealed class CatalogueAdminModel(LanternDbContext db, ScreeningCatalogues catalogues) : PageModel
{
    public const string NoticeKey = "CatalogueNotice";

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    [FromQuery(Name = "version")]
    public int? Requested { get; set; }

    public IReadOnlyList<CatalogueVersion> Versions { get; private set; } = [];

    public int Shown { get; private set; }

    public CatalogueContent Catalogue { get; private set; } = CatalogueContent.Default;

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var (current, content) = await catalogues.CurrentAsync(org, cancellationToken);
        Shown = current;
        Catalogue = content;
        if (Requested is { } version && version != current)
        {
            if (await catalogues.FindAsync(org, version, cancellationToken) is not { } older)
            {
                return NotFound();
            }

            Shown = version;
            Catalogue = older;
        }

        Versions = await catalogues.VersionsAsync(org, cancellationToken);
        var people = Versions.Where(v => v.PublishedById is not null).Select(v => v.PublishedById!.Value).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => u.OrganisationId == org && people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return Page();
    }
}
