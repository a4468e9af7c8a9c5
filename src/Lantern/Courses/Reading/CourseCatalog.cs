using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Lantern.Accounts.Users;
using Lantern.Courses.Model;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lantern.Courses.Reading;

/// <summary>
/// Finds the courses a reader may open and their current versions. Who may read what is decided inside
/// the query: the reader's own organisation's courses, the shipped library (public courses for everyone,
/// the rest for anyone signed in), and other organisations' public courses. A version's content never
/// changes, so it is parsed once and kept in memory by version id. Which version a reader gets is kept
/// for a few seconds per course address and kind of reader, so a chapter page needs no query at all:
/// an import on this node is seen at once (it forgets them), on another node within
/// <see cref="ResolutionLifetime"/>.
/// </summary>
public sealed class CourseCatalog(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan ResolutionLifetime = TimeSpan.FromSeconds(5);
    private const int MaxResolutions = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200 });
    private readonly ConcurrentDictionary<(string Slug, Guid? Organisation, bool SignedIn), (DateTimeOffset Until, CourseView View)> _resolved = new();

    private static readonly MemoryCacheEntryOptions KeepVersion = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    public async Task<CourseView?> FindAsync(LanternDbContext db, string slug, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var signedIn = reader.Identity?.IsAuthenticated == true;
        Guid? organisation = signedIn ? reader.GetOrganisationId() : null;
        var key = (slug, organisation, signedIn);
        var now = clock.GetUtcNow();
        if (_resolved.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.View;
        }

        var found = await (
                from c in db.Courses
                join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                where c.Slug == slug
                      && ((organisation != null && c.OrganisationId == organisation)
                          || (c.OrganisationId == null && (signedIn || v.IsPublic))
                          || v.IsPublic)
                select new { c.Id, c.OrganisationId, VersionId = v.Id, v.Number, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var best = found
            .OrderBy(c => c.OrganisationId == organisation && organisation != null ? 0 : c.OrganisationId == null ? 1 : 2)
            .ThenBy(c => c.CreatedAt)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var content = await VersionAsync(db, best.VersionId, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var view = new CourseView(best.Id, best.OrganisationId, best.VersionId, best.Number, content);
        if (_resolved.Count >= MaxResolutions)
        {
            _resolved.Clear();
        }

        _resolved[key] = (now + ResolutionLifetime, view);
        return view;
    }

    /// <summary>After an import: every reader gets the new current version on their next request to this node.</summary>
    public void Forget() => _resolved.Clear();

    /// <summary>Every course the reader may open, for the list of courses.</summary>
    public static async Task<IReadOnlyList<CourseListing>> ListAsync(LanternDbContext db, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var signedIn = reader.Identity?.IsAuthenticated == true;
        Guid? organisation = signedIn ? reader.GetOrganisationId() : null;
        var rows = await (
                from c in db.Courses
                join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                where (organisation != null && c.OrganisationId == organisation)
                      || (c.OrganisationId == null && (signedIn || v.IsPublic))
                select new CourseListing(c.Slug, v.Title, v.Programme, v.Summary, v.IsPublic, c.OrganisationId != null))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Programme ?? "~", StringComparer.CurrentCulture).ThenBy(r => r.Title, StringComparer.CurrentCulture).ToList();
    }

    public async Task<CourseContent?> VersionAsync(LanternDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_cache.TryGetValue(("course-version", versionId), out CourseContent? content))
        {
            return content;
        }

        var json = await db.CourseVersions.Where(v => v.Id == versionId).Select(v => v.Content).SingleOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return null;
        }

        content = JsonSerializer.Deserialize<CourseContent>(json, CourseJson.Options);
        _cache.Set(("course-version", versionId), content, KeepVersion);
        return content;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>A course a reader may open, in its current version.</summary>
public sealed record CourseView(Guid CourseId, Guid? OrganisationId, Guid VersionId, int VersionNumber, CourseContent Content);

/// <summary>A line of the list of courses.</summary>
public sealed record CourseListing(string Slug, string Title, string? Programme, string Summary, bool IsPublic, bool IsYourOrganisations);
