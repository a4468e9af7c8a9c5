using Lantern.Data;

namespace Lantern.Mail;

/// <summary>
/// Puts e-mails in the outbox inside the caller's unit of work (they are saved with the caller's
/// change, or not at all); after the caller commits, <see cref="Wake"/> has the worker send them now.
/// </summary>
public sealed class MailOutbox(LanternDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public void Add(Guid? organisationId, string toAddress, string toName, string subject, string body)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            OrganisationId = organisationId,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    public void Wake() => signal.Wake();
}
