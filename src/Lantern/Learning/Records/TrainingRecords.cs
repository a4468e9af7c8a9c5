using Lantern.Data;
using Lantern.Learning.Assignments;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// Reads an organisation's learning records and puts every person and course through
/// <see cref="TrainingRules.Evaluate"/>: the one source of the states shown on My training, the
/// matrix, the exports and the reminders. Every query is filtered by the organisation inside it.
/// </summary>
public sealed class TrainingRecords(LanternDbContext db, TimeProvider clock)
{
    public async Task<TrainingGrid> LoadAsync(Guid organisationId, TrainingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var org = organisationId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dueSoonDays = await db.TrainingSettings.Where(s => s.OrganisationId == org).Select(s => (int?)s.DueSoonDays).SingleOrDefaultAsync(cancellationToken)
            ?? TrainingRules.DefaultDueSoonDays;

        var people = db.Users.AsNoTracking().Where(u => u.OrganisationId == org);
        if (query.PersonId is { } personId)
        {
            people = people.Where(u => u.Id == personId);
        }

        if (!query.IncludeLeavers)
        {
            people = people.Where(u => u.DisabledAt == null);
        }

        if (query.LocationId is { } locationId)
        {
            people = people.Where(u => db.UserLocations.Any(l => l.OrganisationId == org && l.UserId == u.Id && l.LocationId == locationId));
        }

        if (query.Role is { } role)
        {
            people = people.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var personRows = await people.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt })
            .ToListAsync(cancellationToken);
        var single = query.PersonId;

        var roleRows = await (
                from ur in db.UserRoles
                join u in db.Users on ur.UserId equals u.Id
                join r in db.Roles on ur.RoleId equals r.Id
                where u.OrganisationId == org && (single == null || u.Id == single)
                select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var locationRows = await (
                from ul in db.UserLocations
                join l in db.Locations on ul.LocationId equals l.Id
                where ul.OrganisationId == org && l.OrganisationId == org && (single == null || ul.UserId == single)
                select new { ul.UserId, l.Id, l.Name })
            .ToListAsync(cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.OrganisationId == org).ToListAsync(cancellationToken);
        var completions = await db.Completions.AsNoTracking()
            .Where(c => c.OrganisationId == org && (single == null || c.UserId == single))
            .Select(c => new { c.UserId, c.CourseId, c.CompletedOn, c.ValidUntil, c.RecordedAt })
            .ToListAsync(cancellationToken);
        var started = (await db.ChapterViews.AsNoTracking()
                .Where(v => v.OrganisationId == org && (single == null || v.UserId == single))
                .Select(v => new { v.UserId, v.CourseId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(v => (v.UserId, v.CourseId))
            .ToHashSet();

        var courseIds = assignments.Select(a => a.CourseId).Concat(completions.Select(c => c.CourseId)).Concat(started.Select(s => s.CourseId)).Distinct().ToList();
        if (query.CourseId is { } onlyCourse)
        {
            courseIds = courseIds.Where(c => c == onlyCourse).ToList();
        }

        var courses = (await (
                    from c in db.Courses
                    join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                    where courseIds.Contains(c.Id) && (c.OrganisationId == null || c.OrganisationId == org)
                    select new TrainingCourse(c.Id, c.Slug, v.Title))
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();

        var rolesOf = roleRows.ToLookup(r => r.UserId, r => r.Name);
        var locationsOf = locationRows.ToLookup(l => l.UserId);
        var latest = completions
            .GroupBy(c => (c.UserId, c.CourseId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.RecordedAt).First());
        var assignmentsByCourse = assignments.ToLookup(a => a.CourseId);

        var result = new List<TrainingRow>(personRows.Count);
        foreach (var p in personRows)
        {
            var roles = rolesOf[p.Id].ToList();
            var locations = locationsOf[p.Id].ToList();
            var locationIds = locations.Select(l => l.Id).ToHashSet();
            var cells = new TrainingCell?[courses.Count];
            for (var i = 0; i < courses.Count; i++)
            {
                var course = courses[i];
                var due = assignmentsByCourse[course.Id]
                    .Where(a => Applies(a, p.Id, roles, locationIds))
                    .Select(a => (DateOnly?)a.DueOn)
                    .Min();
                latest.TryGetValue((p.Id, course.Id), out var done);
                var isStarted = started.Contains((p.Id, course.Id));
                if (due is null && done is null && !isStarted)
                {
                    continue;
                }

                var state = TrainingRules.Evaluate(new TrainingFacts(done?.CompletedOn, done?.ValidUntil, isStarted, due), today, dueSoonDays);
                cells[i] = new TrainingCell(state, due is not null);
            }

            result.Add(new TrainingRow(p.Id, p.DisplayName, p.Email ?? string.Empty, p.DisabledAt is not null, roles, locations.Select(l => l.Name).Order(StringComparer.CurrentCulture).ToList(), cells));
        }

        return new TrainingGrid(today, dueSoonDays, courses, result);
    }

    public static bool Applies(Assignment assignment, Guid personId, IReadOnlyCollection<string> roles, IReadOnlySet<Guid> locations)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.Target switch
        {
            AssignmentTarget.Everyone => true,
            AssignmentTarget.Person => assignment.PersonId == personId,
            AssignmentTarget.Role => assignment.Role is { } role && roles.Contains(role),
            AssignmentTarget.Location => assignment.LocationId is { } location && locations.Contains(location),
            _ => false,
        };
    }
}

/// <summary>Which people and courses to read: one person, a location, a role, a course; people who have left only when asked.</summary>
public sealed record TrainingQuery(Guid? PersonId = null, Guid? LocationId = null, string? Role = null, Guid? CourseId = null, bool IncludeLeavers = false);

/// <summary>A course as a column of the matrix.</summary>
public sealed record TrainingCourse(Guid Id, string Slug, string Title);

/// <summary>One person's state on a course, and whether an assignment requires it of them.</summary>
public sealed record TrainingCell(TrainingState State, bool Required);

/// <summary>A person as a row of the matrix; a cell is null where the course is neither required of them nor begun.</summary>
public sealed record TrainingRow(Guid PersonId, string Name, string Email, bool Left, IReadOnlyList<string> Roles, IReadOnlyList<string> Locations, IReadOnlyList<TrainingCell?> Cells);

/// <summary>People × courses with their states on a day.</summary>
public sealed record TrainingGrid(DateOnly Today, int DueSoonDays, IReadOnlyList<TrainingCourse> Courses, IReadOnlyList<TrainingRow> Rows)
{
    /// <summary>The per cent of people who are required to take a course and are compliant; people who have left do not count.</summary>
    public int? CompliancePercent(int courseIndex)
    {
        var counted = Rows.Where(r => !r.Left && r.Cells[courseIndex] is { Required: true }).ToList();
        return TrainingRules.CompliancePercent(counted.Count(r => r.Cells[courseIndex]!.State.Compliant), counted.Count);
    }
}
