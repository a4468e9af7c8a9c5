using System.Diagnostics;
using System.Net;
using Lantern.Testing;

namespace Lantern.Load;

/// <summary>
/// The built app as a child process on a loopback port, started, killed with SIGKILL and started
/// again on the same port and data, as a crash and a restart would.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly string _appDll;
    private readonly string _contentRoot;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public AppProcess(string appDll, string contentRoot, IReadOnlyDictionary<string, string> settings)
    {
        _appDll = Path.GetFullPath(appDll);
        _contentRoot = Path.GetFullPath(contentRoot);
        BaseUrl = new Uri($"http://127.0.0.1:{PostgresServer.FreePort()}");
        _environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
    }

    public Uri BaseUrl { get; }

    /// <summary>The app's processor time so far (user and system, every thread).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("The app is not running.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The app's process id, for a profiler to attach to.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The app is not running.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(_appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.GetLeftPart(UriPartial.Authority));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(_contentRoot);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  app: " + e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs the app as a command (e.g. <c>audit verify</c>) against the same data; returns the exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] words)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_appDll);
        foreach (var word in words)
        {
            start.ArgumentList.Add(word);
        }

        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(_contentRoot);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => _process?.Dispose();

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, busy migrating.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The app was not ready at {BaseUrl} after 3 minutes.");
    }
}
