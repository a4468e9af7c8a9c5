using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Admin;

/// <summary>
/// The roles and locations an admin gives a person. Read from ticked boxes, and only from what the form
/// offered: a role Lantern does not have, or a location of another organisation, is a form error.
/// </summary>
public sealed record PersonAccess(IReadOnlyList<string> Roles, IReadOnlyList<Guid> LocationIds)
{
    public static IReadOnlyList<CheckboxItem> RoleChoices { get; } =
        Users.Roles.All.Select(r => new CheckboxItem(r.Name, r.Title, r.Description)).ToList();

    /// <summary>
    /// The organisation's locations that are not archived, plus any archived one the person still works
    /// at (so saving the form does not quietly take it away).
    /// </summary>
    public static async Task<IReadOnlyList<CheckboxItem>> LocationChoicesAsync(
        LanternDbContext db, Guid organisationId, Guid? personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var locations = await db.Locations.AsNoTracking()
            .Where(l => l.OrganisationId == organisationId
                && (!l.Archived || db.UserLocations.Any(ul => ul.OrganisationId == organisationId && ul.UserId == personId && ul.LocationId == l.Id)))
            .OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, l.Archived })
            .ToListAsync(cancellationToken);
        return locations.Select(l => new CheckboxItem(l.Id.ToString(), l.Archived ? l.Name + " (archived)" : l.Name)).ToList();
    }

    /// <summary>For the audit log: the roles by name and how many locations (names of places are not needed there).</summary>
    public string Describe() =>
        $"Roles: {string.Join(", ", Roles)}; locations: {LocationIds.Count}";

    /// <summary>The choices as ticked, or null after adding an error for each field that is not right.</summary>
    public static PersonAccess? Read(
        IEnumerable<string> roles,
        IEnumerable<string> locations,
        IReadOnlyList<CheckboxItem> offeredLocations,
        ModelStateDictionary modelState,
        string rolesKey,
        string locationsKey)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(offeredLocations);
        ArgumentNullException.ThrowIfNull(modelState);
        var valid = true;

        var chosenRoles = roles.Distinct(StringComparer.Ordinal).ToList();
        if (chosenRoles.Count == 0)
        {
            modelState.AddModelError(rolesKey, "Select at least one role");
            valid = false;
        }
        else if (chosenRoles.Any(r => r is null || Users.Roles.Find(r) is null))
        {
            modelState.AddModelError(rolesKey, "Select roles from the list");
            valid = false;
        }

        var offered = offeredLocations.Select(l => Guid.Parse(l.Value)).ToHashSet();
        var chosenLocations = new List<Guid>();
        foreach (var value in locations)
        {
            if (!Guid.TryParse(value, out var id) || !offered.Contains(id))
            {
                modelState.AddModelError(locationsKey, "Select locations from the list");
                valid = false;
                break;
            }

            if (!chosenLocations.Contains(id))
            {
                chosenLocations.Add(id);
            }
        }

        return valid ? new PersonAccess(chosenRoles, chosenLocations) : null;
    }

    /// <summary>
    /// Makes the person's roles and locations exactly these. Every write goes through the context, so a
    /// transaction the caller has begun covers all of it.
    /// </summary>
    public async Task<IdentityResult> ApplyAsync(
        LanternUser person, UserManager<LanternUser> users, LanternDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);

        var held = await users.GetRolesAsync(person);
        var toRemove = held.Except(Roles, StringComparer.Ordinal).ToList();
        if (toRemove.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(person, toRemove);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        var toAdd = Roles.Except(held, StringComparer.Ordinal).ToList();
        if (toAdd.Count > 0)
        {
            var added = await users.AddToRolesAsync(person, toAdd);
            if (!added.Succeeded)
            {
                return added;
            }
        }

        var rows = await db.UserLocations
            .Where(ul => ul.OrganisationId == person.OrganisationId && ul.UserId == person.Id)
            .ToListAsync(cancellationToken);
        db.UserLocations.RemoveRange(rows.Where(r => !LocationIds.Contains(r.LocationId)));
        db.UserLocations.AddRange(LocationIds
            .Where(id => rows.All(r => r.LocationId != id))
            .Select(id => new UserLocation { OrganisationId = person.OrganisationId, UserId = person.Id, LocationId = id }));
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }
}
