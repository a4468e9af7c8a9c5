using Lantern.Concerns.Access;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>Finds a concern for the people who handle it, with need-to-know inside the query: anything else is simply not found.</summary>
public static class TriageAccess
{
    public static Task<Concern?> FindHandledAsync(LanternDbContext db, ConcernViewer me, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Concerns.Where(ConcernAccess.HandledBy(me)).Where(c => c.Id == id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }
}
