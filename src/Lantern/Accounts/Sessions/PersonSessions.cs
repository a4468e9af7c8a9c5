using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Accounts.Sessions;

public static class PersonSessions
{
    /// <summary>
    /// Ends the person's sessions at once, on whichever node each is used next (all of them, or all but
    /// <paramref name="except"/>). Runs in the caller's transaction, if it has begun one.
    /// </summary>
    public static Task<int> EndSessionsAsync(this LanternDbContext db, LanternUser person, string? except, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        return db.UserSessions
            .Where(s => s.OrganisationId == person.OrganisationId && s.UserId == person.Id && s.Id != except)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
