namespace Lantern.Concerns.Recording;

/// <summary>A child added while recording a concern, kept in the draft until the concern is submitted.</summary>
public sealed class NewChildInput
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? BirthDay { get; set; }

    public string? BirthMonth { get; set; }

    public string? BirthYear { get; set; }

    public string? Age { get; set; }

    public string? Sex { get; set; }

    public string? SendOrDisability { get; set; }

    public string? CommunicationNeeds { get; set; }

    public string? KnownToSocialCare { get; set; }

    public string? SocialWorkerName { get; set; }

    public string? SocialWorkerContact { get; set; }

    public string? ChildProtectionPlan { get; set; }

    public string? LookedAfter { get; set; }

    public string? ParentalResponsibility { get; set; }
}
