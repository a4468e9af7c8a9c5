using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Lantern.Courses.Reading;

/// <summary>
/// Serves a course version's media (images, video, captions) to whoever may read the course, with
/// range requests for video. A version's files never change, so they are cached for a long time:
/// publicly for public courses, only by the reader's browser otherwise.
/// </summary>
public static class CourseMedia
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/learn/{course}/media/{version:guid}/{**path}", async (string course, Guid version, string path, HttpContext context, LanternDbContext db, CourseCatalog catalog) =>
        {
            var found = await catalog.FindAsync(db, course, context.User, context.RequestAborted);
            if (found is null)
            {
                return Results.NotFound();
            }

            var asset = await db.CourseAssets
                .Where(a => a.OrganisationId == found.OrganisationId && a.VersionId == version && a.Path == path
                            && db.CourseVersions.Any(v => v.Id == version && v.CourseId == found.CourseId))
                .Select(a => new { a.ContentType, a.Data })
                .SingleOrDefaultAsync(context.RequestAborted);
            if (asset is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = found.Content.IsPublic ? "public, max-age=31536000, immutable" : "private, max-age=86400";
            return Results.File(asset.Data, asset.ContentType, enableRangeProcessing: true);
        }).AllowAnonymous();
    }
}
