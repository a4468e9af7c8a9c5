using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Mail;

/// <summary>
/// Puts e-mails in the outbox inside the caller's unit of work (they are saved with the caller's
/// change, or not at all); after the caller commits, <see cref="Wake"/> has the worker send them now.
/// </summary>
public sealed class MailOutbox(LanternDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public void Add(Guid? organisationId, string toAddress, string toName, string subject, string body) =>
        db.OutboxMessages.Add(NewMessage(organisationId, key: null, toAddress, toName, subject, body));

    /// <summary>
    /// Queues and saves at once a message named by <paramref name="key"/>, unless one with that key is already in
    /// the outbox; true when it was queued. Two nodes queuing the same key at the same moment keep one (unique key).
    /// </summary>
    public async Task<bool> QueueOnceAsync(Guid? organisationId, string key, string toAddress, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        if (await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken))
        {
            return false;
        }

        var message = NewMessage(organisationId, key, toAddress, toName, subject, body);
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    public void Wake() => signal.Wake();

    private OutboxMessage NewMessage(Guid? organisationId, string? key, string toAddress, string toName, string subject, string body)
    {
        var now = clock.GetUtcNow();
        return new OutboxMessage
        {
            OrganisationId = organisationId,
            Key = key,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
