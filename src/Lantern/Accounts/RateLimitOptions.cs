namespace Lantern.Accounts;

/// <summary>Bound from <c>Lantern:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Lantern:RateLimits";

    /// <summary>Sign-in, second-factor and recovery-code attempts from one address in a minute.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 10;

    /// <summary>Form posts by one person (or one address, when signed out) in a minute.</summary>
    public int FormPostsPerMinute { get; set; } = 60;
}
