namespace Lantern.Mail;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change it tells people about, so
/// a saved change is never left without its e-mail and an e-mail never goes out for a change that was not saved.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The organisation it concerns, or null for the installation's own mail.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>Names a message that must go once only (a reminder, a digest): a key already queued is never queued again.</summary>
    public string? Key { get; init; }

    public required string ToAddress { get; init; }

    public required string ToName { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The kind of the last failure (never its message, which might echo an address).</summary>
    public string? LastError { get; set; }
}
