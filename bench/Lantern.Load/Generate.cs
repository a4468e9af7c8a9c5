using System.Diagnostics;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Passwords;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Load;

/// <summary>
/// Writes realistic volumes straight into a database (ENGINEERING.md, "Benchmarks"): 1,000
/// organisations, one of them with 10,000 staff, the rest with 10 to 60; every person shares one
/// password hash computed once at the production cost; the first organisation also gets 30 courses
/// with three years of training histories (<see cref="GenerateTraining"/>). The same seed always gives the same data.
/// The database is created and migrated first; it must hold no organisation yet.
/// </summary>
public static class Generate
{
    /// <summary>The password every generated person signs in with.</summary>
    public const string Password = "bench-password-2026";

    private const int BatchSize = 5_000;

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var settings = new Settings(
            arguments.Number("organisations", 1_000),
            arguments.Number("large-organisation-staff", 10_000),
            arguments.Number("seed", 2026));
        await using var db = Database.Open(arguments);
        await db.Database.MigrateAsync();
        if (await db.Organisations.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds organisations: generate into an empty one.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var people = await AddOrganisationsAndPeopleAsync(db, settings);
        Console.WriteLine($"{settings.Organisations:N0} organisations, {people:N0} people in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();
        var (completions, assignments) = await GenerateTraining.AddAsync(db, settings.Seed);
        Console.WriteLine($"30 courses, {assignments:N0} assignments, {completions:N0} completions for the first organisation in {clock.Elapsed.TotalSeconds:F0} s");

        if (arguments.Number("concerns", 0) is > 0 and var concerns)
        {
            clock.Restart();
            var rows = await GenerateConcerns.AddAsync(db, arguments.Text("data-folder") ?? "data", concerns, settings.Seed);
            Console.WriteLine($"{concerns:N0} concerns ({rows:N0} rows with their children, chronology and decisions) in {clock.Elapsed.TotalSeconds:F0} s");
        }

        return 0;
    }

    private static async Task<int> AddOrganisationsAndPeopleAsync(LanternDbContext db, Settings settings)
    {
        var random = new Random(settings.Seed);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var hash = new PasswordHasher<LanternUser>(Microsoft.Extensions.Options.Options.Create(
            new PasswordHasherOptions { IterationCount = PasswordRules.HashIterations })).HashPassword(null!, Password);
        var roleIds = Roles.All.ToDictionary(r => r.Name, r => r.Id);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var people = 0;
        var pending = 0;
        for (var o = 0; o < settings.Organisations; o++)
        {
            var organisation = new Organisation { Name = $"Organisation {o + 1:D4}", CreatedAt = start };
            var locations = Enumerable.Range(1, random.Next(1, 6))
                .Select(l => new Location { OrganisationId = organisation.Id, Name = $"Location {l}" })
                .ToList();
            organisation.Locations.AddRange(locations);
            db.Organisations.Add(organisation);
            var staff = o == 0 ? settings.LargeOrganisationStaff : random.Next(10, 61);
            for (var p = 0; p < staff; p++)
            {
                var email = $"person{p + 1}@org{o + 1}.example";
                var user = new LanternUser
                {
                    OrganisationId = organisation.Id,
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = hash,
                    DisplayName = $"Person {p + 1} of {o + 1}",
                    CreatedAt = start.AddDays(random.Next(0, 600)),
                    ActivatedAt = start.AddDays(600),
                    DisabledAt = random.Next(0, 20) == 0 ? start.AddDays(random.Next(600, 700)) : null,
                };
                user.Locations.Add(new UserLocation { OrganisationId = organisation.Id, UserId = user.Id, LocationId = locations[random.Next(locations.Count)].Id });
                db.Users.Add(user);
                foreach (var role in RolesOf(p))
                {
                    db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] });
                }

                people++;
                if (++pending >= BatchSize)
                {
                    await SaveAsync(db);
                    pending = 0;
                }
            }
        }

        await SaveAsync(db);
        return people;
    }

    /// <summary>Everyone is a learner; the first few people of each organisation also hold its other roles.</summary>
    private static IEnumerable<string> RolesOf(int index) => index switch
    {
        0 => [Roles.Learner, Roles.OrganisationAdmin],
        1 or 2 => [Roles.Learner, Roles.Dsl],
        3 or 4 => [Roles.Learner, Roles.DeputyDsl],
        5 => [Roles.Learner, Roles.TrainingManager],
        6 => [Roles.Learner, Roles.CourseAuthor],
        _ => [Roles.Learner],
    };

    private static async Task SaveAsync(LanternDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private sealed record Settings(int Organisations, int LargeOrganisationStaff, int Seed);
}
