using System.ComponentModel.DataAnnotations;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Admin;

/// <summary>
/// The places the organisation runs services from. A location is archived, never deleted: people's
/// records and training keep pointing at it.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class LocationsModel(LanternDbContext db) : PageModel
{
    [BindProperty]
    public NewLocationInput Input { get; set; } = new();

    [TempData(Key = "LocationsNotice")]
    public string? Notice { get; set; }

    public string Organisation { get; private set; } = string.Empty;

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var name = Input.Name?.Trim() ?? string.Empty;
        if (ModelState.IsValid)
        {
            // Names are compared without regard to case here; the database index alone would let "willow lodge" in.
            var names = await db.Locations.Where(l => l.OrganisationId == org).Select(l => l.Name).ToListAsync(cancellationToken);
            var existing = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                ModelState.AddModelError("Input.Name", $"There is already a location called {existing}");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Locations.Add(new Location { OrganisationId = org, Name = name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same name a moment ago.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", $"There is already a location called {name}");
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = $"{name} added";
        return Redirect("/admin/locations");
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid locationId, CancellationToken cancellationToken) =>
        SetArchivedAsync(locationId, archived: true, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(Guid locationId, CancellationToken cancellationToken) =>
        SetArchivedAsync(locationId, archived: false, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(Guid locationId, bool archived, CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var location = await db.Locations.SingleOrDefaultAsync(l => l.OrganisationId == org && l.Id == locationId, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        location.Archived = archived;
        await db.SaveChangesAsync(cancellationToken);
        Notice = archived
            ? $"{location.Name} archived. It is no longer offered when you choose where people work."
            : $"{location.Name} restored";
        return Redirect("/admin/locations");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        Organisation = User.FindFirst(LanternClaims.OrganisationName)?.Value ?? string.Empty;
        Locations = await db.Locations.AsNoTracking()
            .Where(l => l.OrganisationId == org)
            .OrderBy(l => l.Archived)
            .ThenBy(l => l.Name)
            .ToListAsync(cancellationToken);
    }

    public sealed class NewLocationInput
    {
        [Required(ErrorMessage = "Enter the name of the location")]
        [StringLength(200, ErrorMessage = "Location name must be 200 characters or fewer")]
        public string Name { get; set; } = string.Empty;
    }
}
