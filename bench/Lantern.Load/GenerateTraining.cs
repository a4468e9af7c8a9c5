using System.Text.Json;
using Lantern.Accounts.Users;
using Lantern.Courses;
using Lantern.Courses.Model;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Lantern.Learning.Progress;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Load;

/// <summary>
/// Training histories for the large organisation (issue 6, "Speed"): 30 required courses of its own,
/// each with one to three versions; assignments to everyone, roles, locations and a few people, with
/// due dates past and to come; three years of completions with version, score, refresher period and
/// validity (so some are expired, some due soon, some overdue); books in progress; people never
/// started; training done elsewhere; people who have left keep their history. Everything is relative
/// to <see cref="Today"/>, so the same seed always gives the same histories. The organisation's
/// training manager (person 6) gets a known authenticator key so a benchmark can sign in.
/// </summary>
public static class GenerateTraining
{
    /// <summary>The day the histories lead up to.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>The authenticator key (base32) of the large organisation's training manager.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public const string TrainingManagerEmail = "person6@org1.example";

    private const int BatchSize = 10_000;

    private static readonly string[] Titles =
    [
        "Safeguarding children: level 1", "Safeguarding children: level 2", "Safeguarding children: level 3 for DSLs",
        "Child sexual exploitation", "Child criminal exploitation", "Recording a concern", "Prevent duty awareness",
        "Online safety", "Female genital mutilation", "Domestic abuse and children", "Neglect", "Allegations against staff",
        "Safer recruitment", "Information sharing", "Mental Capacity Act and young people", "Positive behaviour support",
        "Restrictive practice and restraint", "Communication without words", "Intimate and personal care",
        "Medication administration", "Epilepsy and rescue medication", "Moving and handling children",
        "Peg feeding and dysphagia", "First aid for children", "Fire safety", "Food hygiene", "Data protection",
        "Equality and diversity", "Health and safety", "Lone working",
    ];

    private static readonly string[] Providers =
        ["Local safeguarding children partnership", "County council training team", "NSPCC", "St John Ambulance", "A previous employer"];

    public static async Task<(int Completions, int Assignments)> AddAsync(LanternDbContext db, int seed)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(seed + 6);
        var organisation = await db.Organisations.OrderBy(o => o.Name).FirstAsync();
        var org = organisation.Id;
        var created = new DateTimeOffset(Today.AddYears(-4).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // People with their roles and locations, in a fixed order.
        var people = (await db.Users.Where(u => u.OrganisationId == org).Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt, u.DisabledAt }).ToListAsync())
            .OrderBy(p => p.DisplayName.Length).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        var roleRows = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where u.OrganisationId == org
                select new { ur.UserId, r.Name })
            .ToListAsync();
        var rolesOf = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        var locationsOf = (await db.UserLocations.Where(l => l.OrganisationId == org).Select(l => new { l.UserId, l.LocationId }).ToListAsync())
            .ToLookup(l => l.UserId, l => l.LocationId);
        var locations = (await db.Locations.Where(l => l.OrganisationId == org).Select(l => new { l.Id, l.Name }).ToListAsync())
            .OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Id).ToList();
        var manager = people.Single(p => p.Email == TrainingManagerEmail);

        // The courses, each with its versions; refresher periods of 12, 24 or 36 months.
        var courses = new List<BenchCourse>();
        for (var i = 0; i < Titles.Length; i++)
        {
            var course = new Course { OrganisationId = org, Slug = $"bench-course-{i + 1:D2}", CreatedAt = created };
            var refresher = i == 2 ? 24 : i < 10 ? 12 : random.Next(3) switch { 0 => 12, 1 => 24, _ => 36 };
            var versions = new List<(DateOnly From, CourseVersion Version)>();
            var count = random.Next(1, 4);
            for (var n = 1; n <= count; n++)
            {
                var from = n == 1 ? Today.AddYears(-4) : Today.AddDays(-random.Next(30, 1000 / n));
                var content = new CourseContent(course.Slug, Titles[i], "Bench", $"{Titles[i]}, version {n}.", false, 80, refresher, [], [], []);
                var version = new CourseVersion
                {
                    OrganisationId = org,
                    CourseId = course.Id,
                    Number = n,
                    Title = Titles[i],
                    Programme = "Bench",
                    Summary = content.Summary,
                    SourceHash = $"{i:D2}{n:D2}".PadRight(64, '0'),
                    Content = JsonSerializer.Serialize(content, CourseJson.Options),
                    ImportedAt = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                };
                versions.Add((from, version));
            }

            versions = versions.OrderBy(v => v.From).ToList();
            course.CurrentVersionId = versions[^1].Version.Id;
            db.Courses.Add(course);
            db.CourseVersions.AddRange(versions.Select(v => v.Version));
            courses.Add(new BenchCourse(course.Id, Titles[i], refresher, versions.Select(v => (v.From, v.Version.Id, v.Version.Number)).ToList()));
        }

        await SaveAsync(db);

        // Assignments: the first ten courses for everyone, then roles, locations, and a few named people.
        var assignments = new List<Assignment>();
        Assignment Assign(BenchCourse course, AssignmentTarget target, Guid? person = null, string? role = null, Guid? location = null)
        {
            var assignment = new Assignment
            {
                OrganisationId = org,
                CourseId = course.Id,
                Target = target,
                PersonId = person,
                Role = role,
                LocationId = location,
                DueOn = Today.AddDays(random.Next(-400, 120)),
                CreatedAt = created.AddDays(random.Next(0, 365)),
                CreatedById = manager.Id,
            };
            assignments.Add(assignment);
            return assignment;
        }

        string[] caseRoles = [Roles.Dsl, Roles.DeputyDsl, Roles.TrainingManager, Roles.OrganisationAdmin];
        for (var i = 0; i < courses.Count; i++)
        {
            var course = courses[i];
            if (i < 10)
            {
                Assign(course, AssignmentTarget.Everyone);
            }
            else if (i < 14)
            {
                Assign(course, AssignmentTarget.Role, role: caseRoles[i - 10]);
                Assign(course, AssignmentTarget.Role, role: Roles.Dsl);
            }
            else if (i < 24)
            {
                Assign(course, AssignmentTarget.Role, role: Roles.Learner);
            }
            else
            {
                foreach (var location in locations.Where((_, n) => (n + i) % 2 == 0).DefaultIfEmpty(locations[0]))
                {
                    Assign(course, AssignmentTarget.Location, location: location);
                }
            }

            for (var k = 0; k < 5; k++)
            {
                Assign(course, AssignmentTarget.Person, person: people[random.Next(people.Count)].Id);
            }
        }

        db.Assignments.AddRange(assignments);
        await SaveAsync(db);
        var byCourse = assignments.ToLookup(a => a.CourseId);

        // Histories.
        var completions = 0;
        var pending = 0;
        foreach (var person in people)
        {
            var roles = rolesOf[person.Id].ToList();
            var placeSet = locationsOf[person.Id].ToHashSet();
            var joined = DateOnly.FromDateTime(person.CreatedAt.UtcDateTime);
            var left = person.DisabledAt is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : (DateOnly?)null;
            var end = left ?? Today;
            foreach (var course in courses)
            {
                var required = byCourse[course.Id].Any(a => TrainingRecords.Applies(a, person.Id, roles, placeSet));
                var roll = random.NextDouble();
                if (!required && roll > 0.03)
                {
                    continue;
                }

                // About 8% never started, 5% in progress on a first attempt; the rest have completed at least once.
                if (roll < 0.08)
                {
                    continue;
                }

                var attempt = 0;
                if (roll >= 0.13)
                {
                    var first = Later(joined, Today.AddYears(-3)).AddDays(random.Next(0, 200));
                    var on = first;
                    while (on <= end)
                    {
                        var elsewhere = random.Next(0, 25) == 0;
                        var version = course.Versions.LastOrDefault(v => v.From <= on);
                        var until = TrainingRules.ValidUntil(on, course.RefresherMonths);
                        db.Completions.Add(new Completion
                        {
                            OrganisationId = org,
                            UserId = person.Id,
                            CourseId = course.Id,
                            Source = elsewhere ? CompletionSource.Elsewhere : CompletionSource.Lantern,
                            Attempt = elsewhere ? null : attempt,
                            VersionId = elsewhere ? null : version.Id,
                            VersionNumber = elsewhere ? null : version.Number,
                            CourseTitle = course.Title,
                            CompletedOn = on,
                            RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0).Add(TimeSpan.FromMinutes(random.Next(0, 600)))), TimeSpan.Zero),
                            Score = elsewhere ? null : random.Next(80, 101),
                            PassMark = elsewhere ? null : 80,
                            RefresherMonths = course.RefresherMonths,
                            ValidUntil = until,
                            Provider = elsewhere ? Providers[random.Next(Providers.Length)] : null,
                            RecordedById = elsewhere ? manager.Id : null,
                            EvidenceName = elsewhere ? "certificate.pdf" : null,
                            EvidenceType = elsewhere ? "application/pdf" : null,
                        });
                        completions++;
                        pending++;
                        if (!elsewhere)
                        {
                            attempt++;
                        }

                        // The next refresher: usually on time, sometimes weeks early, sometimes months late.
                        var next = until!.Value.AddDays(random.Next(0, 10) switch { < 6 => -random.Next(0, 60), < 9 => random.Next(0, 120), _ => random.Next(120, 400) });
                        on = Later(next, on.AddDays(30));
                    }
                }

                // A refresher (or a first attempt) begun and not finished.
                if (roll < 0.13 || random.Next(0, 12) == 0)
                {
                    var version = course.Versions[^1];
                    db.ChapterViews.Add(new ChapterView
                    {
                        OrganisationId = org,
                        UserId = person.Id,
                        CourseId = course.Id,
                        Attempt = attempt,
                        BookId = "book",
                        ChapterId = "chapter-1",
                        VersionId = version.Id,
                        FirstViewedAt = new DateTimeOffset(end.AddDays(-random.Next(1, 60)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    });
                    pending++;
                }

                if (pending >= BatchSize)
                {
                    await SaveAsync(db);
                    pending = 0;
                }
            }
        }

        // The training manager signs in with a known authenticator key.
        var user = await db.Users.SingleAsync(u => u.Id == manager.Id);
        user.TwoFactorEnabled = true;
        db.Entry(user).State = EntityState.Modified;
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = manager.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = AuthenticatorKey });
        await SaveAsync(db);
        return (completions, assignments.Count);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static async Task SaveAsync(LanternDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private sealed record BenchCourse(Guid Id, string Title, int RefresherMonths, IReadOnlyList<(DateOnly From, Guid Id, int Number)> Versions);
}
