using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Assignments;

/// <summary>What a training manager may choose from: the courses their organisation can use, its locations, people and roles.</summary>
public sealed record TrainingChoices(
    IReadOnlyList<(Guid Id, string Title)> Courses,
    IReadOnlyList<(Guid Id, string Name)> Locations,
    IReadOnlyList<(Guid Id, string Name)> People,
    IReadOnlyList<(string Name, string Title)> Roles)
{
    public static async Task<TrainingChoices> LoadAsync(LanternDbContext db, Guid org, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var courses = await (
                from c in db.Courses
                join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                where c.OrganisationId == null || c.OrganisationId == org
                select new { c.Id, v.Title })
            .ToListAsync(cancellationToken);
        var locations = await db.Locations.Where(l => l.OrganisationId == org && !l.Archived).OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken);
        var people = await db.Users.Where(u => u.OrganisationId == org && u.DisabledAt == null).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return new TrainingChoices(
            courses.OrderBy(c => c.Title, StringComparer.CurrentCulture).Select(c => (c.Id, c.Title)).ToList(),
            locations.Select(l => (l.Id, l.Name)).ToList(),
            people.Select(p => (p.Id, p.DisplayName)).ToList(),
            Accounts.Users.Roles.All.Select(r => (r.Name, r.Title)).ToList());
    }

    public string CourseTitle(Guid id) => Courses.FirstOrDefault(c => c.Id == id).Title ?? "A course no longer offered";

    public static string RoleTitle(string? role) => role is null ? "Everyone" : Accounts.Users.Roles.Find(role)?.Title ?? role;

    /// <summary>A posted id that must be one of the offered ones; garbage and other organisations' ids alike give null.</summary>
    public static Guid? Pick(string? posted, IEnumerable<Guid> offered) =>
        Guid.TryParse(posted, out var id) && offered.Contains(id) ? id : null;
}
