namespace Lantern.Learning.Records;

/// <summary>
/// What is known about one person and one course: their latest completion (its date and the date its
/// validity ends, null when it never ends), whether they have started since, and the earliest due
/// date of the assignments that apply to them (null when none does).
/// </summary>
public sealed record TrainingFacts(DateOnly? CompletedOn, DateOnly? ValidUntil, bool Started, DateOnly? DueOn)
{
    public static TrainingFacts None { get; } = new(null, null, false, null);
}
