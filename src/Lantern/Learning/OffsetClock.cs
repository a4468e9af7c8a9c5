namespace Lantern.Learning;

/// <summary>The system clock moved on by a number of days: for trying expiry and reminders in Development only.</summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
