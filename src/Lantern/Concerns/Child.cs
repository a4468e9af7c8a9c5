namespace Lantern.Concerns;

/// <summary>
/// A child known to the organisation through its concerns. Name and date of birth stay searchable
/// (protected by access control); the circumstances are what the person recording knew at the time.
/// </summary>
public sealed class Child
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Name { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>When the date of birth is not known: the age given, as of <see cref="AgeGivenOn"/>.</summary>
    public int? AgeYears { get; set; }

    public DateOnly? AgeGivenOn { get; set; }

    public string? Sex { get; set; }

    public string? SendOrDisability { get; set; }

    public string? CommunicationNeeds { get; set; }

    public YesNoUnknown KnownToSocialCare { get; set; }

    public string? SocialWorkerName { get; set; }

    public string? SocialWorkerContact { get; set; }

    public YesNoUnknown ChildProtectionPlan { get; set; }

    public YesNoUnknown LookedAfter { get; set; }

    public string? ParentalResponsibility { get; set; }

    public Guid CreatedById { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
