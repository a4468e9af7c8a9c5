namespace Lantern.Mail;

/// <summary>
/// An e-mail waiting to go, or gone. Written in the transaction of what caused it, sent by the outbox
/// job; its key makes the same message impossible to queue twice, and a failure is retried later.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? OrganisationId { get; init; }

    public required string Key { get; init; }

    public required string ToAddress { get; init; }

    public required string ToName { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
