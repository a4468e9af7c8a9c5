using Lantern.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Commands;

/// <summary>Splits a command line into command words and configuration, and runs the named command.</summary>
public static class LanternCommands
{
    /// <summary>The leading words before the first <c>--option</c>: a command's name and arguments.</summary>
    public static IReadOnlyList<string> Words(string[] args) =>
        args.TakeWhile(a => !a.StartsWith('-')).ToArray();

    /// <summary>Everything from the first <c>--option</c> on: configuration for the host.</summary>
    public static string[] Options(string[] args) =>
        args.SkipWhile(a => !a.StartsWith('-')).ToArray();

    /// <summary>Runs the command the words name, after migrating the database; prints usage when none matches.</summary>
    public static async Task<int> RunAsync(IHost app, IReadOnlyList<string> words, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(output);
        var commands = app.Services.GetServices<ILanternCommand>().ToList();
        var command = commands
            .Where(c => words.Count >= c.Name.Count && c.Name.SequenceEqual(words.Take(c.Name.Count), StringComparer.OrdinalIgnoreCase))
            .MaxBy(c => c.Name.Count);
        if (command is null)
        {
            await output.WriteLineAsync($"Unknown command: {string.Join(' ', words)}");
            await output.WriteLineAsync("Commands:");
            foreach (var c in commands.OrderBy(c => string.Join(' ', c.Name), StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"  {c.Usage}");
            }

            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<LanternDbContext>().Database.MigrateAsync(cancellationToken);
        }

        return await command.RunAsync(scope.ServiceProvider, words.Skip(command.Name.Count).ToArray(), output, cancellationToken);
    }
}
