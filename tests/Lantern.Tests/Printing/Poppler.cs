using System.Diagnostics;

namespace Lantern.Tests.Printing;

/// <summary>Runs poppler's command-line tools (pdfinfo, pdftotext) over a PDF and returns what they print.</summary>
public static class Poppler
{
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start; install poppler-utils.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var text = output.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.GetAwaiter().GetResult()}");
        }

        return text;
    }

    /// <summary>Writes the bytes to a temporary file that is deleted when disposed.</summary>
    public static TempPdf Save(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lantern-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        return new TempPdf(path);
    }
}

/// <summary>A PDF written to a temporary file for poppler to read.</summary>
public sealed class TempPdf(string path) : IDisposable
{
    public string Path { get; } = path;

    public string Info() => Poppler.Run("pdfinfo", Path);

    public string Structure() => Poppler.Run("pdfinfo", "-struct-text", Path);

    public string Text(params string[] options) => Poppler.Run("pdftotext", [.. options, Path, "-"]);

    public void Dispose() => File.Delete(Path);
}
