using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Concerns;
using Lantern.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Demo;

/// <summary>
/// The demo organisation, Riverside Short Breaks, with one person per role. Added only to a database
/// with no organisation in it, so it never mixes with real data.
/// </summary>
public sealed partial class DemoData(LanternDbContext db, UserManager<LanternUser> users, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string OrganisationName = "Riverside Short Breaks";
    public const string Password = "riverside-demo-2026";

    public static IReadOnlyList<DemoPerson> People { get; } =
    [
        new("learner@riverside.example", "Alex Morgan", Roles.Learner),
        new("dsl@riverside.example", "Priya Shah", Roles.Dsl),
        new("deputy@riverside.example", "Tom Reid", Roles.DeputyDsl),
        new("training@riverside.example", "Grace Okafor", Roles.TrainingManager),
        new("author@riverside.example", "Leo Park", Roles.CourseAuthor),
        new("admin@riverside.example", "Hannah Byrne", Roles.OrganisationAdmin),
        new("analyst@riverside.example", "Dev Patel", Roles.PartnershipAnalyst),
    ];

    public async Task AddAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return;
        }

        var now = clock.GetUtcNow();
        var organisation = new Organisation { Name = OrganisationName, CreatedAt = now };
        var house = new Location { OrganisationId = organisation.Id, Name = "Riverside House" };
        var lodge = new Location { OrganisationId = organisation.Id, Name = "Willow Lodge" };
        organisation.Locations.AddRange([house, lodge]);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (person, index) in People.Select((p, i) => (p, i)))
        {
            var user = new LanternUser
            {
                OrganisationId = organisation.Id,
                UserName = person.Email,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                CreatedAt = now,
                ActivatedAt = now,
                PhoneNumber = person.Role switch
                {
                    Roles.Dsl => "01632 960 101",
                    Roles.DeputyDsl => "01632 960 102",
                    Roles.OrganisationAdmin => "01632 960 100",
                    _ => null,
                },
            };
            user.Locations.Add(new UserLocation { OrganisationId = organisation.Id, UserId = user.Id, LocationId = index % 2 == 0 ? house.Id : lodge.Id });
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo person not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var roles = person.Role == Roles.Learner ? [Roles.Learner] : new[] { Roles.Learner, person.Role };
            await users.AddToRolesAsync(user, roles);
        }

        // The admin takes allegations about the safeguarding leads; the social care numbers are fictional (Ofcom drama range).
        var admin = await db.Users.Where(u => u.OrganisationId == organisation.Id && u.Email == "admin@riverside.example").Select(u => u.Id).SingleAsync(cancellationToken);
        db.SafeguardingSettings.Add(new SafeguardingSettings
        {
            OrganisationId = organisation.Id,
            AllegationsLeadId = admin,
            SocialCareFrontDoorPhone = "01632 960 200",
            SocialCareOutOfHoursPhone = "01632 960 299",
        });
        await db.SaveChangesAsync(cancellationToken);

        LogAdded(logger, OrganisationName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data not added: the database already holds an organisation.")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation '{Name}' added.")]
    private static partial void LogAdded(ILogger logger, string name);
}
