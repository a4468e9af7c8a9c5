using Lantern.Audit;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Screening.Catalogue;

/// <summary>
/// An organisation's catalogue versions: the current one (the shipped default written as version 1
/// the first time it is needed), any earlier one, and publishing the next.
/// </summary>
public sealed class ScreeningCatalogues(LanternDbContext db, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The latest version, writing the shipped default as version 1 when the organisation has none. Call it outside a transaction.</summary>
    public async Task<(int Version, CatalogueContent Content)> CurrentAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(organisationId, cancellationToken);
        if (latest is not null)
        {
            return (latest.Version, CatalogueContent.FromJson(latest.Content));
        }

        db.CatalogueVersions.Add(new CatalogueVersion
        {
            OrganisationId = organisationId,
            Version = 1,
            Content = CatalogueContent.Default.ToJson(),
            PublishedAt = clock.GetUtcNow(),
            Note = "The shipped catalogue",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request wrote version 1 at the same moment: theirs is the same default.
            db.ChangeTracker.Clear();
        }

        latest = await LatestAsync(organisationId, cancellationToken) ?? throw new InvalidOperationException("The catalogue could not be written.");
        return (latest.Version, CatalogueContent.FromJson(latest.Content));
    }

    public async Task<CatalogueContent?> FindAsync(Guid organisationId, int version, CancellationToken cancellationToken)
    {
        var json = await db.CatalogueVersions.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId && v.Version == version)
            .Select(v => v.Content)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : CatalogueContent.FromJson(json);
    }

    public Task<List<CatalogueVersion>> VersionsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.CatalogueVersions.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId)
            .OrderByDescending(v => v.Version)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Publishes <paramref name="content"/> as the version after <paramref name="basedOn"/>, audited in the
    /// same transaction. Returns the new version, or null when someone else published after
    /// <paramref name="basedOn"/> (nothing is written then).
    /// </summary>
    public async Task<int?> PublishAsync(Guid organisationId, Guid personId, int basedOn, CatalogueContent content, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Problems().Count > 0)
        {
            throw new InvalidOperationException("A catalogue with problems cannot be published.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.CatalogueVersions.Where(v => v.OrganisationId == organisationId).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        if (latest != basedOn)
        {
            return null;
        }

        var version = latest + 1;
        db.CatalogueVersions.Add(new CatalogueVersion
        {
            OrganisationId = organisationId,
            Version = version,
            Content = content.ToJson(),
            PublishedAt = clock.GetUtcNow(),
            PublishedById = personId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        await audit.AppendAsync(new AuditEvent(organisationId, personId, "screening-catalogue.publish", [$"screening-catalogue:{organisationId}:{version}"], $"version {version}"), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        return version;
    }

    private Task<CatalogueVersion?> LatestAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.CatalogueVersions.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
}
