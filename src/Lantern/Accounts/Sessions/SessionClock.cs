namespace Lantern.Accounts.Sessions;

/// <summary>What the current request knows of its session: its key, and when it ends (for the idle-timeout warning).</summary>
public sealed record SessionClock(string SessionId, DateTimeOffset IdleExpiresAt, DateTimeOffset AbsoluteExpiresAt)
{
    public const string ItemKey = "lantern:session-clock";

    public DateTimeOffset ExpiresAt => IdleExpiresAt < AbsoluteExpiresAt ? IdleExpiresAt : AbsoluteExpiresAt;

    public int SecondsLeft(DateTimeOffset now) => Math.Max(0, (int)Math.Round((ExpiresAt - now).TotalSeconds));

    public static SessionClock? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as SessionClock;
    }
}
