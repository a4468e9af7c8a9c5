namespace Lantern.Learning;

/// <summary>Bound from <c>Lantern:Learning</c>.</summary>
public sealed class LearningOptions
{
    public const string Section = "Lantern:Learning";

    /// <summary>How often the reminder job looks for courses due soon, expired or overdue.</summary>
    public int ReminderCheckSeconds { get; set; } = 3600;

    /// <summary>Look-ups of the public verification page from one address in a minute.</summary>
    public int VerifyPerAddressPerMinute { get; set; } = 30;

    /// <summary>
    /// Days added to the clock, honoured only in Development: to see certificates expire and reminders
    /// go without waiting a year.
    /// </summary>
    public int ClockOffsetDays { get; set; }
}
