using System.Text.Json;
using Lantern.Audit;
using Lantern.Courses.Model;
using Lantern.Courses.Reading;
using Lantern.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Courses.Import;

/// <summary>
/// Imports a course as a new version, all or nothing: the files are read and checked in full first,
/// then the version, its media and the course's pointer to it are written in one transaction. A course
/// with any problem changes nothing, so readers keep the version they had.
/// </summary>
public sealed partial class CourseImporter(LanternDbContext db, TimeProvider clock, CourseCatalog catalog, IOutputCacheStore pages, IAuditTrail audit, ILogger<CourseImporter> logger)
{
    /// <summary>
    /// Imports for an organisation, or into the shipped library when <paramref name="organisationId"/> is null.
    /// With <paramref name="onlyIfChanged"/> (the library at start), a course whose files are those of its current version is skipped.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(CourseSource source, Guid? organisationId, Guid? importedBy, bool onlyIfChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var versionId = Guid.CreateVersion7();
        var read = CourseReader.Read(source, versionId);
        if (read.Course is not { } content)
        {
            return ImportOutcome.Rejected(read.Problems);
        }

        if (CourseRules.ReservedIds.Contains(content.Id))
        {
            return ImportOutcome.Rejected([new ImportProblem(CourseReader.CourseFile, null, $"‘{content.Id}’ is a word Lantern uses in addresses. Give the course another id.")]);
        }

        if (organisationId is not null && await db.Courses.AnyAsync(c => c.OrganisationId == null && c.Slug == content.Id, cancellationToken))
        {
            return ImportOutcome.Rejected([new ImportProblem(CourseReader.CourseFile, null, $"The id ‘{content.Id}’ is used by a course in Lantern's shipped library. Give your course another id.")]);
        }

        var hash = source.Hash();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.OrganisationId == organisationId && c.Slug == content.Id, cancellationToken);
        var number = 1;
        if (course is null)
        {
            course = new Course { OrganisationId = organisationId, Slug = content.Id, CreatedAt = clock.GetUtcNow() };
            db.Courses.Add(course);
        }
        else
        {
            var current = await db.CourseVersions
                .Where(v => v.CourseId == course.Id)
                .OrderByDescending(v => v.Number)
                .Select(v => new { v.Number, v.SourceHash, v.Id })
                .FirstOrDefaultAsync(cancellationToken);
            if (onlyIfChanged && current is not null && current.SourceHash == hash && current.Id == course.CurrentVersionId)
            {
                return new ImportOutcome(content.Id, content.Title, current.Number, true, []);
            }

            number = (current?.Number ?? 0) + 1;
        }

        db.CourseVersions.Add(new CourseVersion
        {
            Id = versionId,
            OrganisationId = organisationId,
            CourseId = course.Id,
            Number = number,
            Title = content.Title,
            Programme = content.Programme,
            Summary = content.Summary,
            IsPublic = content.IsPublic,
            SourceHash = hash,
            Content = JsonSerializer.Serialize(content, CourseJson.Options),
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = importedBy,
        });
        foreach (var path in read.Media)
        {
            db.CourseAssets.Add(new CourseAsset
            {
                OrganisationId = organisationId,
                VersionId = versionId,
                Path = path,
                ContentType = CourseRules.MediaTypes[Path.GetExtension(path)],
                Data = source.Files[path],
            });
        }

        course.CurrentVersionId = versionId;
        // Who published what, and when: on the organisation's chain, or the system's for the shipped library.
        await audit.AppendAsync(new AuditEvent(organisationId, importedBy, "course.import", ["course:" + course.Id, "course-version:" + versionId], $"{content.Id} version {number}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        catalog.Forget();
        await PublicPageCache.ForgetAsync(pages, cancellationToken);
        LogImported(logger, content.Id, number, organisationId);
        return new ImportOutcome(content.Id, content.Title, number, false, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Course '{Course}' imported as version {Number} (organisation {Organisation}).")]
    private static partial void LogImported(ILogger logger, string course, int number, Guid? organisation);
}
