using Lantern.Data;
using Lantern.Learning.Assignments;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// Reads an organisation's learning records and puts every person and course through
/// <see cref="TrainingRules.Evaluate"/>: the one source of the states shown on My training, the
/// matrix, the exports and the reminders. Every query is filtered by the organisation inside it.
/// People are paged in the database and read a slice at a time, so a page reads only its own people
/// and an export streams.
/// </summary>
public sealed class TrainingRecords(LanternDbContext db, TimeProvider clock)
{
    /// <summary>How many people are read at a time: the page's own, or a slice of an export or of the compliance counts.</summary>
    private const int ChunkSize = 1_000;

    /// <summary>Everyone the query names, with every cell: for one person's page, the reminders, and tests.</summary>
    public async Task<TrainingGrid> LoadAsync(Guid organisationId, TrainingQuery query, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(organisationId, query, cancellationToken);
        var rows = new List<TrainingRow>();
        await foreach (var row in RowsAsync(organisationId, query, columns, 0, int.MaxValue, cancellationToken))
        {
            rows.Add(row);
        }

        return new TrainingGrid(columns.Today, columns.DueSoonDays, columns.Courses, rows);
    }

    /// <summary>
    /// One page of the matrix: the people are counted and paged in the database and only the page's
    /// people are read in full; the compliance per course is counted over everyone the query names, a
    /// slice at a time, so memory stays flat however large the organisation.
    /// </summary>
    public async Task<TrainingPage> LoadPageAsync(Guid organisationId, TrainingQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var columns = await ColumnsAsync(organisationId, query, cancellationToken);
        var people = await CountAsync(organisationId, query, cancellationToken);
        var pages = Math.Max(1, (people + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pages);
        var rows = new List<TrainingRow>(pageSize);
        await foreach (var row in RowsAsync(organisationId, query, columns, (current - 1) * pageSize, pageSize, cancellationToken))
        {
            rows.Add(row);
        }

        var compliance = new TrainingCompliance(columns.Courses.Count);
        if (columns.Courses.Count > 0)
        {
            await foreach (var row in RowsAsync(organisationId, query with { IncludeLeavers = false }, columns, 0, int.MaxValue, cancellationToken))
            {
                compliance.Add(row);
            }
        }

        return new TrainingPage(columns, people, current, pages, rows, compliance);
    }

    /// <summary>How many people the query names.</summary>
    public Task<int> CountAsync(Guid organisationId, TrainingQuery query, CancellationToken cancellationToken) =>
        People(organisationId, query).CountAsync(cancellationToken);

    /// <summary>The day, the due-soon window and the courses the query shows as columns.</summary>
    public async Task<TrainingColumns> ColumnsAsync(Guid organisationId, TrainingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var org = organisationId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dueSoonDays = await db.TrainingSettings.Where(s => s.OrganisationId == org).Select(s => (int?)s.DueSoonDays).SingleOrDefaultAsync(cancellationToken)
            ?? TrainingRules.DefaultDueSoonDays;

        // A course is a column when it is assigned, or someone has completed or begun it.
        var only = query.CourseId;
        var courses = (await (
                    from c in db.Courses
                    join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                    where (c.OrganisationId == null || c.OrganisationId == org) && (only == null || c.Id == only)
                        && (db.Assignments.Any(a => a.OrganisationId == org && a.CourseId == c.Id)
                            || db.Completions.Any(x => x.OrganisationId == org && x.CourseId == c.Id)
                            || db.ChapterViews.Any(x => x.OrganisationId == org && x.CourseId == c.Id))
                    select new TrainingCourse(c.Id, c.Slug, v.Title))
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();
        return new TrainingColumns(today, dueSoonDays, courses);
    }

    /// <summary>
    /// The query's people in order (name, then id), from the <paramref name="skip"/>th, at most
    /// <paramref name="take"/>, read a slice at a time: each slice is paged in the database and only
    /// that slice's roles, locations, completions and progress are read. Every cell is decided by
    /// <see cref="TrainingRules.Evaluate"/>.
    /// </summary>
    public async IAsyncEnumerable<TrainingRow> RowsAsync(Guid organisationId, TrainingQuery query, TrainingColumns columns, int skip, int take,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(columns);
        var org = organisationId;
        var courses = columns.Courses;
        var courseIds = courses.Select(c => c.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.OrganisationId == org && courseIds.Contains(a.CourseId)).ToListAsync(cancellationToken);
        var assignmentsByCourse = assignments.ToLookup(a => a.CourseId);
        var ordered = People(org, query).OrderBy(u => u.DisplayName).ThenBy(u => u.Id);
        var end = take == int.MaxValue ? long.MaxValue : (long)skip + take;
        for (long offset = skip; offset < end; offset += ChunkSize)
        {
            var size = (int)Math.Min(ChunkSize, end - offset);
            var personRows = await ordered.Skip((int)offset).Take(size)
                .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt })
                .ToListAsync(cancellationToken);
            if (personRows.Count == 0)
            {
                yield break;
            }

            var ids = personRows.Select(p => p.Id).ToList();
            var roleRows = await (
                    from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    where ids.Contains(ur.UserId)
                    select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            var locationRows = await (
                    from ul in db.UserLocations
                    join l in db.Locations on ul.LocationId equals l.Id
                    where ul.OrganisationId == org && l.OrganisationId == org && ids.Contains(ul.UserId)
                    select new { ul.UserId, l.Id, l.Name })
                .ToListAsync(cancellationToken);
            // Only the completions on each person's latest day for a course (the time recorded breaks a tie below).
            var completions = await db.Completions.AsNoTracking()
                .Where(c => c.OrganisationId == org && ids.Contains(c.UserId) && courseIds.Contains(c.CourseId)
                    && !db.Completions.Any(later => later.OrganisationId == org && later.UserId == c.UserId && later.CourseId == c.CourseId && later.CompletedOn > c.CompletedOn))
                .Select(c => new { c.UserId, c.CourseId, c.CompletedOn, c.ValidUntil, c.RecordedAt })
                .ToListAsync(cancellationToken);
            var started = (await db.ChapterViews.AsNoTracking()
                    .Where(v => v.OrganisationId == org && ids.Contains(v.UserId) && courseIds.Contains(v.CourseId))
                    .Select(v => new { v.UserId, v.CourseId })
                    .Distinct()
                    .ToListAsync(cancellationToken))
                .Select(v => (v.UserId, v.CourseId))
                .ToHashSet();

            var rolesOf = roleRows.ToLookup(r => r.UserId, r => r.Name!);
            var locationsOf = locationRows.ToLookup(l => l.UserId);
            var latest = new Dictionary<(Guid, Guid), (DateOnly CompletedOn, DateOnly? ValidUntil, DateTimeOffset RecordedAt)>();
            foreach (var c in completions)
            {
                var key = (c.UserId, c.CourseId);
                if (!latest.TryGetValue(key, out var seen) || c.CompletedOn > seen.CompletedOn || (c.CompletedOn == seen.CompletedOn && c.RecordedAt > seen.RecordedAt))
                {
                    latest[key] = (c.CompletedOn, c.ValidUntil, c.RecordedAt);
                }
            }

            foreach (var p in personRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var roles = rolesOf[p.Id].ToList();
                var locations = locationsOf[p.Id].ToList();
                var locationIds = locations.Select(l => l.Id).ToHashSet();
                var cells = new TrainingCell?[courses.Count];
                for (var i = 0; i < courses.Count; i++)
                {
                    var course = courses[i];
                    DateOnly? due = null;
                    foreach (var a in assignmentsByCourse[course.Id])
                    {
                        if ((due is null || a.DueOn < due) && Applies(a, p.Id, roles, locationIds))
                        {
                            due = a.DueOn;
                        }
                    }

                    var completed = latest.TryGetValue((p.Id, course.Id), out var done);
                    var isStarted = started.Contains((p.Id, course.Id));
                    if (due is null && !completed && !isStarted)
                    {
                        continue;
                    }

                    var facts = completed ? new TrainingFacts(done.CompletedOn, done.ValidUntil, isStarted, due) : new TrainingFacts(null, null, isStarted, due);
                    cells[i] = new TrainingCell(TrainingRules.Evaluate(facts, columns.Today, columns.DueSoonDays), due is not null);
                }

                yield return new TrainingRow(p.Id, p.DisplayName, p.Email ?? string.Empty, p.DisabledAt is not null, roles,
                    locations.Select(l => l.Name).Order(StringComparer.CurrentCulture).ToList(), cells);
            }

            if (personRows.Count < size)
            {
                yield break;
            }
        }
    }

    private IQueryable<Accounts.Users.LanternUser> People(Guid org, TrainingQuery query)
    {
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

        return people;
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
    /// <summary>The compliance per course over these rows, counted once for every course; people who have left do not count.</summary>
    public TrainingCompliance Compliance()
    {
        var compliance = new TrainingCompliance(Courses.Count);
        foreach (var row in Rows)
        {
            compliance.Add(row);
        }

        return compliance;
    }
}

/// <summary>The day, the due-soon window and the courses of a matrix, before its rows are read.</summary>
public sealed record TrainingColumns(DateOnly Today, int DueSoonDays, IReadOnlyList<TrainingCourse> Courses);

/// <summary>One page of the matrix: how many people in all, which page, its rows, and the compliance over everyone.</summary>
public sealed record TrainingPage(TrainingColumns Columns, int People, int Page, int Pages, IReadOnlyList<TrainingRow> Rows, TrainingCompliance Compliance)
{
    public static TrainingPage Empty(TrainingColumns columns) => new(columns, 0, 1, 1, [], new TrainingCompliance(columns?.Courses.Count ?? 0));
}

/// <summary>
/// Counts, per course, the people required to take it and those compliant (complete or due soon), a row
/// at a time; people who have left are never counted.
/// </summary>
public sealed class TrainingCompliance(int courses)
{
    private readonly int[] _required = new int[courses];
    private readonly int[] _compliant = new int[courses];

    public void Add(TrainingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Left)
        {
            return;
        }

        for (var i = 0; i < _required.Length && i < row.Cells.Count; i++)
        {
            if (row.Cells[i] is { Required: true } cell)
            {
                _required[i]++;
                if (cell.State.Compliant)
                {
                    _compliant[i]++;
                }
            }
        }
    }

    public int? Percent(int courseIndex) => TrainingRules.CompliancePercent(_compliant[courseIndex], _required[courseIndex]);
}
