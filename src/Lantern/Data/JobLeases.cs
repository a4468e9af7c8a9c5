using Microsoft.EntityFrameworkCore;

namespace Lantern.Data;

/// <summary>Takes or renews a job's lease: true when this holder may run the job until the lease ends.</summary>
public static class JobLeases
{
    public static async Task<bool> TryTakeAsync(LanternDbContext db, string name, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + length;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node made the row first: it holds the lease.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
