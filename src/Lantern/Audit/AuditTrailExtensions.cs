using System.Security.Claims;
using Lantern.Accounts.Users;
using Lantern.Data;

namespace Lantern.Audit;

/// <summary>
/// Recording an event that is not part of a change (a read, a sign-in, a denied access) in a transaction of
/// its own. Inside a transaction of your own, call <see cref="IAuditTrail.AppendAsync"/> instead.
/// </summary>
public static class AuditTrailExtensions
{
    /// <summary>
    /// Appends the entry and commits it at once, in its own transaction. The context must have no open
    /// transaction and no unsaved changes (they would be committed with it).
    /// </summary>
    public static async Task RecordAsync(this IAuditTrail trail, LanternDbContext db, AuditEvent entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is open: use IAuditTrail.AppendAsync inside it, then save and commit.");
        }

        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("The context has unsaved changes, which RecordAsync would commit with the audit entry. Save them first, or append inside their transaction.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await trail.AppendAsync(entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records that the signed-in person was refused <paramref name="record"/> (<c>type:id</c>), on their
    /// organisation's chain, in a transaction of its own. Call it where a page answers 403 or 404 for a
    /// record that exists (or was asked for by id), before returning.
    /// </summary>
    public static Task RecordAccessDeniedAsync(
        this IAuditTrail trail, LanternDbContext db, ClaimsPrincipal user, string record, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var signedIn = user.Identity?.IsAuthenticated == true;
        return trail.RecordAsync(
            db,
            new AuditEvent(
                signedIn ? user.GetOrganisationId() : null,
                signedIn ? user.GetUserId() : null,
                AuditActions.AccessDenied,
                [record],
                detail),
            cancellationToken);
    }
}
