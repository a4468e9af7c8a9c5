using Lantern.Commands;
using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Courses.Import;

/// <summary>
/// <c>Lantern courses import PATH [--organisation ID]</c>: imports a course folder or zip as a new
/// version, into the shipped library or, with an organisation id, for that organisation alone. Prints
/// every problem with its file and line and exits 1 when the course is rejected.
/// </summary>
public sealed class ImportCourseCommand(IConfiguration configuration) : ILanternCommand
{
    public IReadOnlyList<string> Name { get; } = ["courses", "import"];

    public string Usage => "courses import PATH [--organisation ID]   import a course folder or zip as a new version";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        if (arguments.Count != 1)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        Guid? organisation = null;
        if (configuration["organisation"] is { Length: > 0 } given)
        {
            var db = services.GetRequiredService<LanternDbContext>();
            if (!Guid.TryParse(given, out var id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
            {
                await output.WriteLineAsync($"There is no organisation with the id ‘{given}’.");
                return 2;
            }

            organisation = id;
        }

        var path = Path.GetFullPath(arguments[0]);
        CourseSource source;
        if (File.Exists(path))
        {
            await using var zip = File.OpenRead(path);
            source = await CourseSource.FromZipAsync(zip, Path.GetFileName(path), cancellationToken);
        }
        else
        {
            source = CourseSource.FromFolder(path);
        }

        var outcome = await services.GetRequiredService<CourseImporter>().ImportAsync(source, organisation, importedBy: null, onlyIfChanged: false, cancellationToken);
        if (!outcome.Imported)
        {
            await output.WriteLineAsync($"The course was not imported. Fix {(outcome.Problems.Count == 1 ? "this problem" : $"these {outcome.Problems.Count} problems")} and import it again:");
            foreach (var problem in outcome.Problems)
            {
                await output.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        await output.WriteLineAsync($"Imported ‘{outcome.Title}’ ({outcome.CourseSlug}) as version {outcome.VersionNumber}{(organisation is null ? " into the shipped library" : $" for organisation {organisation}")}.");
        return 0;
    }
}
