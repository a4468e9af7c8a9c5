namespace Lantern.Mail;

/// <summary>Bound from <c>Lantern:Mail</c>. With no SMTP host, messages are written as .eml files to the data folder's mail/ folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Lantern:Mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS (or TLS on port 465). Off only for a relay on the same machine or a test listener.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Lantern <no-reply@lantern.invalid>";

    /// <summary>The address people reach this installation at, for links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How often the outbox is checked when nothing wakes it (mail queued on this node wakes it at once).</summary>
    public int OutboxPollSeconds { get; set; } = 15;

    /// <summary>The wait after a first failure to send; it doubles with each failure.</summary>
    public int OutboxRetrySeconds { get; set; } = 30;

    /// <summary>The longest wait between tries: a message is never given up on.</summary>
    public int OutboxRetryMaxMinutes { get; set; } = 60;
}
