using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Mail;

/// <summary>Puts e-mails in the outbox. The key names the message: a key already queued is never queued again.</summary>
public static class MailOutbox
{
    /// <summary>Adds the message unless its key is already in the outbox; true when it was added. Saves at once.</summary>
    public static async Task<bool> QueueAsync(LanternDbContext db, Guid? organisationId, string key, string toAddress, string toName, string subject, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken))
        {
            return false;
        }

        db.OutboxMessages.Add(new OutboxMessage
        {
            OrganisationId = organisationId,
            Key = key,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Queued by another node at the same moment: the unique key kept it to one.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
