namespace Lantern.Learning.Statements;

/// <summary>Bound from <c>Lantern:Xapi</c>: the installation's external learning record store, if there is one.</summary>
public sealed class XapiOptions
{
    public const string Section = "Lantern:Xapi";

    /// <summary>The store's xAPI endpoint (statements are posted to <c>{Endpoint}/statements</c>); empty: nothing is forwarded.</summary>
    public string? Endpoint { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Statements sent in one request.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the worker looks for statements to forward.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>The wait after a first failed forward, doubling after each failure up to <see cref="RetryMaxMinutes"/>.</summary>
    public int RetrySeconds { get; set; } = 30;

    public int RetryMaxMinutes { get; set; } = 60;

    public bool Configured => !string.IsNullOrWhiteSpace(Endpoint);
}
