using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns;

/// <summary>The people concerns go to: safeguarding leads, deputies, admins, the allegations lead; only active accounts of the organisation.</summary>
public static class ConcernPeople
{
    public static readonly Guid DslRoleId = Roles.Find(Roles.Dsl)!.Id;
    public static readonly Guid DeputyRoleId = Roles.Find(Roles.DeputyDsl)!.Id;
    public static readonly Guid AdminRoleId = Roles.Find(Roles.OrganisationAdmin)!.Id;

    public static Task<bool> IsSafeguardingLeadAsync(LanternDbContext db, Guid organisationId, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UserRoles.AnyAsync(
            ur => ur.UserId == personId && (ur.RoleId == DslRoleId || ur.RoleId == DeputyRoleId)
                && db.Users.Any(u => u.Id == ur.UserId && u.OrganisationId == organisationId),
            cancellationToken);
    }

    /// <summary>Active people of the organisation holding any of these roles, with the roles they hold among them.</summary>
    public static async Task<IReadOnlyList<Contact>> WithRolesAsync(LanternDbContext db, Guid organisationId, IReadOnlyCollection<Guid> roleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                where u.OrganisationId == organisationId && u.DisabledAt == null && roleIds.Contains(ur.RoleId)
                select new { u.Id, u.DisplayName, u.Email, u.PhoneNumber, ur.RoleId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => new Contact(g.Key, g.First().DisplayName, g.First().Email ?? string.Empty, g.First().PhoneNumber, g.Select(r => r.RoleId).ToHashSet()))
            .OrderBy(c => c.Roles.Contains(DslRoleId) ? 0 : 1).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public static async Task<Contact?> PersonAsync(LanternDbContext db, Guid organisationId, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.Id == personId && u.DisabledAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new Contact(row.Id, row.DisplayName, row.Email ?? string.Empty, row.PhoneNumber, new HashSet<Guid>());
    }

    /// <summary>Who is told a concern is waiting: whoever it is routed to, never the person it is about.</summary>
    public static async Task<IReadOnlyList<Contact>> HandlersAsync(LanternDbContext db, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        IReadOnlyList<Contact> people = concern.Route switch
        {
            ConcernRoute.SafeguardingLeads => await WithRolesAsync(db, concern.OrganisationId, [DslRoleId, DeputyRoleId], cancellationToken),
            ConcernRoute.OrganisationAdmins => await WithRolesAsync(db, concern.OrganisationId, [AdminRoleId], cancellationToken),
            _ => concern.RoutedToPersonId is { } lead && await PersonAsync(db, concern.OrganisationId, lead, cancellationToken) is { } person ? [person] : [],
        };
        return people.Where(p => p.Id != concern.SubjectPersonId).ToList();
    }

    /// <summary>Who hears of an urgent concern nobody has opened: the deputies and the organisation admins (never the subject).</summary>
    public static async Task<IReadOnlyList<Contact>> EscalationAsync(LanternDbContext db, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var roles = concern.Route == ConcernRoute.SafeguardingLeads ? new[] { DeputyRoleId, AdminRoleId } : [AdminRoleId];
        var people = await WithRolesAsync(db, concern.OrganisationId, roles, cancellationToken);
        return people.Where(p => p.Id != concern.SubjectPersonId && p.Id != concern.RoutedToPersonId).ToList();
    }

    /// <summary>One person to contact: name, e-mail, phone (from their account) and roles.</summary>
    public sealed record Contact(Guid Id, string Name, string Email, string? Phone, IReadOnlySet<Guid> Roles);
}
