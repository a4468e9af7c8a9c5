using Lantern.Accounts.Users;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Screening;

/// <summary>
/// The read-only list of warning signs of child sexual exploitation, by domain, signs of harm first. A visitor
/// sees the shipped catalogue; a signed-in person sees their organisation's current version. No scoring is
/// shown: this page is for noticing, not for assessing. It differs by person, so it is never marked shareable
/// for the visitors' page cache (<see cref="Courses.Reading.PublicPageCache"/>), and like every page it is sent no-store.
/// </summary>
[AllowAnonymous]
public sealed class WarningSignsModel(ScreeningCatalogues catalogues) : PageModel
{
    public IReadOnlyList<(Domain Domain, IReadOnlyList<Indicator> Signs)> Groups { get; private set; } = [];

    /// <summary>The organisation's version shown, or null for the shipped catalogue.</summary>
    public int? Version { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var catalogue = CatalogueContent.Default;
        if (User.Identity?.IsAuthenticated == true)
        {
            (var version, catalogue) = await catalogues.CurrentAsync(User.GetOrganisationId(), cancellationToken);
            Version = version;
        }

        Groups = catalogue.SignsByDomain();
    }
}
