using System.Globalization;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// An app whose sessions end after 4 idle minutes, so the warning (3 minutes before the end) is due a
/// minute after a page loads; the tests move the page's clock rather than wait.
/// </summary>
public sealed class ShortIdleTimeoutApp : LanternProcess
{
    public const int IdleTimeoutMinutes = 4;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Lantern:Sessions:IdleTimeoutMinutes"] = IdleTimeoutMinutes.ToString(CultureInfo.InvariantCulture),
        ["Lantern:Sessions:LearnerIdleTimeoutMinutes"] = IdleTimeoutMinutes.ToString(CultureInfo.InvariantCulture),
    };
}
