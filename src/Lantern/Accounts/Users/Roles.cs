namespace Lantern.Accounts.Users;

/// <summary>The roles a person may hold; a person may hold several.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Dsl = "DSL";
    public const string DeputyDsl = "DeputyDSL";
    public const string TrainingManager = "TrainingManager";
    public const string CourseAuthor = "CourseAuthor";
    public const string OrganisationAdmin = "OrganisationAdmin";
    public const string PartnershipAnalyst = "PartnershipAnalyst";

    public static IReadOnlyList<RoleInfo> All { get; } =
    [
        new(Learner, "Learner", "Takes assigned courses and records concerns.", Guid.Parse("0192a000-0000-7000-8000-000000000001"), RequiresMfa: false),
        new(Dsl, "Designated safeguarding lead", "Triages concerns, screens risk, makes referrals and keeps case files.", Guid.Parse("0192a000-0000-7000-8000-000000000002"), RequiresMfa: true),
        new(DeputyDsl, "Deputy designated safeguarding lead", "Does the DSL's work when the DSL is away.", Guid.Parse("0192a000-0000-7000-8000-000000000003"), RequiresMfa: true),
        new(TrainingManager, "Training manager", "Assigns courses, sees the training matrix and exports evidence.", Guid.Parse("0192a000-0000-7000-8000-000000000004"), RequiresMfa: true),
        new(CourseAuthor, "Course author", "Writes and publishes course books.", Guid.Parse("0192a000-0000-7000-8000-000000000005"), RequiresMfa: false),
        new(OrganisationAdmin, "Organisation admin", "Manages people, roles, locations and settings.", Guid.Parse("0192a000-0000-7000-8000-000000000006"), RequiresMfa: true),
        new(PartnershipAnalyst, "Partnership analyst", "Sees anonymised statistics across organisations.", Guid.Parse("0192a000-0000-7000-8000-000000000007"), RequiresMfa: true),
    ];

    /// <summary>Anyone who can read safeguarding records or other people's data must use a second factor.</summary>
    public static bool RequireMfa(IEnumerable<string> roles) =>
        roles.Any(r => All.Any(info => info.Name == r && info.RequiresMfa));

    public static RoleInfo? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
