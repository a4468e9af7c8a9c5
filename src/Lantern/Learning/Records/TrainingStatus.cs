namespace Lantern.Learning.Records;

/// <summary>Where a person stands on a course they must take; the order is the order of precedence when shown.</summary>
public enum TrainingStatus
{
    Overdue,
    Expired,
    DueSoon,
    InProgress,
    NotStarted,
    Complete,
}
