using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Screening;

/// <summary>
/// The public, read-only list of warning signs of child sexual exploitation, by domain, from the
/// screening catalogue. No scoring is shown: this page is for noticing, not for assessing.
/// </summary>
[AllowAnonymous]
public sealed class WarningSignsModel : PageModel
{
    public IReadOnlyList<(Domain Domain, IReadOnlyList<Indicator> Signs)> Groups { get; private set; } = [];

    public void OnGet()
    {
        var active = DefaultCatalogue.Indicators.Where(i => !i.Retired).ToList();
        // Signs of harm first: they ask for action today, whatever else is known.
        Groups = DefaultCatalogue.Domains
            .OrderBy(d => d.Id == "harm" ? 0 : 1)
            .Select(d => (d, (IReadOnlyList<Indicator>)active.Where(i => i.Domain == d.Id).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }
}
