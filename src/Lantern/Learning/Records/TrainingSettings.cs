namespace Lantern.Learning.Records;

/// <summary>An organisation's training settings: how many days before validity ends a course counts as due soon.</summary>
public sealed class TrainingSettings
{
    public Guid OrganisationId { get; init; }

    public int DueSoonDays { get; set; } = TrainingRules.DefaultDueSoonDays;
}
