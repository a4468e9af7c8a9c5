using Microsoft.Extensions.Options;

namespace Lantern.Courses.Import;

/// <summary>
/// Imports the shipped courses when the app starts, each only when its folder has changed since its
/// current version. A shipped course with problems is logged and left at the version it had.
/// Registered after the database migrator, so it runs on a migrated database.
/// </summary>
public sealed partial class LibraryImport(IServiceProvider services, IOptions<CourseOptions> options, ILogger<LibraryImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportLibraryOnStart)
        {
            return;
        }

        await ImportAllAsync(services, options.Value.LibraryFolderFullPath, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task ImportAllAsync(IServiceProvider services, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!Directory.Exists(folder))
        {
            LogNoLibrary(logger, folder);
            return;
        }

        foreach (var courseFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(courseFolder);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
            ImportOutcome outcome;
            try
            {
                outcome = await importer.ImportAsync(CourseSource.FromFolder(courseFolder), organisationId: null, importedBy: null, onlyIfChanged: true, cancellationToken);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another node starting at the same moment imported it first (the unique indexes refused a second copy).
                LogImportedElsewhere(logger, name);
                continue;
            }

            foreach (var problem in outcome.Problems)
            {
                LogProblem(logger, name, problem.ToString());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipped course {Course} was imported by another node at the same time.")]
    private static partial void LogImportedElsewhere(ILogger logger, string course);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No course library at {Folder}.")]
    private static partial void LogNoLibrary(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shipped course {Course} not imported: {Problem}")]
    private static partial void LogProblem(ILogger logger, string course, string problem);
}
