namespace Lantern.Commands;

/// <summary>
/// A command-line task run by the same program as the web app: <c>Lantern GROUP VERB [ARGS]</c>,
/// for example <c>Lantern courses import PATH</c> or <c>Lantern audit verify</c>.
/// Register each one with <c>services.AddSingleton&lt;ILanternCommand, T&gt;()</c>.
/// </summary>
public interface ILanternCommand
{
    /// <summary>The words that name the command, e.g. <c>["courses", "import"]</c>.</summary>
    IReadOnlyList<string> Name { get; }

    /// <summary>One line for the usage text, e.g. <c>courses import PATH   import a course folder or zip</c>.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the name, in a scope of its own, the database migrated; returns the exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken);
}
