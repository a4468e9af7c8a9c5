namespace Lantern.Concerns;

/// <summary>
/// An organisation's safeguarding settings: who takes allegations about staff, the local children's
/// social care numbers shown after a concern is recorded, and how soon an unopened urgent concern is
/// escalated. The DSLs' and deputies' phone numbers come from their own accounts.
/// </summary>
public sealed class SafeguardingSettings
{
    public const int DefaultUrgentEscalationMinutes = 30;

    public Guid OrganisationId { get; init; }

    /// <summary>Receives concerns about a DSL or deputy, for a LADO decision.</summary>
    public Guid? AllegationsLeadId { get; set; }

    public string? SocialCareFrontDoorPhone { get; set; }

    public string? SocialCareOutOfHoursPhone { get; set; }

    public int UrgentEscalationMinutes { get; set; } = DefaultUrgentEscalationMinutes;

    public static SafeguardingSettings DefaultsFor(Guid organisationId) => new() { OrganisationId = organisationId };
}
