namespace Lantern.Accounts.Sessions;

/// <summary>What the current request knows of its session, for the idle-timeout warning.</summary>
public sealed record SessionClock(DateTimeOffset IdleExpiresAt, DateTimeOffset AbsoluteExpiresAt)
{
    public const string ItemKey = "lantern:session-clock";

    public DateTimeOffset ExpiresAt => IdleExpiresAt < AbsoluteExpiresAt ? IdleExpiresAt : AbsoluteExpiresAt;
}
