namespace Lantern.Learning.Records;

/// <summary>The state of one person on one course on a day, with the dates that explain it.</summary>
public sealed record TrainingState(TrainingStatus Status, DateOnly? CompletedOn, DateOnly? ValidUntil, DateOnly? DueOn)
{
    /// <summary>Compliant means the training is valid today: complete, or complete and due soon.</summary>
    public bool Compliant => Status is TrainingStatus.Complete or TrainingStatus.DueSoon;

    /// <summary>When the person must (re)take the course: the end of validity, else the assignment's due date.</summary>
    public DateOnly? RefresherDue => ValidUntil ?? (CompletedOn is null ? DueOn : null);

    public string Text => TrainingRules.Text(Status);

    public string TagClass => TrainingRules.TagClass(Status);
}
