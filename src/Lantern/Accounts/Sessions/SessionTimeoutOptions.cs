namespace Lantern.Accounts.Sessions;

/// <summary>Bound from <c>Lantern:Sessions</c>.</summary>
public sealed class SessionTimeoutOptions
{
    public const string Section = "Lantern:Sessions";

    /// <summary>For roles that can read safeguarding records or other people's data (ASVS 5.0 V7.3).</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>For everyone else.</summary>
    public int LearnerIdleTimeoutMinutes { get; set; } = 60;

    public int AbsoluteTimeoutHours { get; set; } = 12;

    /// <summary>The warning comes at least this long before the idle timeout (WCAG 2.2.1 asks for 20 seconds; we give more).</summary>
    public int WarningSeconds { get; set; } = 180;
}
