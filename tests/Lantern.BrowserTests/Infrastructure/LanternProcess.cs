using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// The real app as a child process, as it runs in production: <c>dotnet Lantern.dll</c> on a free
/// localhost port, SQLite in a fresh data folder, the demo organisation (one person per role) added at
/// start. Served over http://localhost, which Chromium treats as secure, so the app's <c>__Host-</c>
/// Secure cookies work unchanged.
/// </summary>
public abstract partial class LanternProcess : IAsyncLifetime, IDisposable
{
    private const int OutputLinesKept = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string> _signedInStates = [];
    private readonly Dictionary<string, string> _authenticatorKeys = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);
    private Process? _process;

    protected LanternProcess()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "lantern-browser-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string DataFolder { get; }

    public Uri BaseUrl { get; private set; } = new("http://localhost");

    /// <summary>Settings a fixture needs beyond the defaults (a short idle timeout, say), as configuration keys.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        BaseUrl = new Uri($"http://localhost:{FreePort()}");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataFolder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lantern.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.GetLeftPart(UriPartial.Authority));
        // The views are compiled into Lantern.dll; the content root gives the app its wwwroot and settings.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "src", "Lantern"));

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Lantern__DataFolder"] = DataFolder,
            ["Lantern__Demo"] = "true",
            ["Lantern__Database__Provider"] = "Sqlite",
            // No mail server: the app writes each e-mail to its data folder, where the tests read it.
            ["Lantern__Mail__SmtpHost"] = "",
            ["Lantern__Mail__PublicBaseUrl"] = BaseUrl.GetLeftPart(UriPartial.Authority),
            // Every test signs in from the same address; the rate limits have their own integration tests.
            ["Lantern__RateLimits__SignInPerAddressPerMinute"] = "1000",
            ["Lantern__RateLimits__FormPostsPerMinute"] = "1000",
        };
        foreach (var (key, value) in Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync(_process);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(stopped.Token);
            }
        }

        Stopped();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>After the app has stopped, before its data folder is deleted: undo what a fixture set up around it.</summary>
    protected virtual void Stopped()
    {
    }

    public void Dispose()
    {
        _process?.Dispose();
        _signInGate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The cookies of the demo person with this role, signed in (second factor set up and passed where
    /// the role needs it) once per app and reused by every test: hashing at the production cost is slow
    /// by design.
    /// </summary>
    public async Task<string> SignedInStateAsync(IBrowser browser, string role)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await _signInGate.WaitAsync();
        try
        {
            if (!_signedInStates.TryGetValue(role, out var state))
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString() });
                var page = await context.NewPageAsync();
                var email = DemoPeople.EmailFor(role);
                await DemoPeople.SignInWithPasswordAsync(page, email);
                if (DemoPeople.IsAt(page, DemoPeople.TwoStepPath))
                {
                    _authenticatorKeys[email] = await DemoPeople.SetUpAuthenticatorAsync(page);
                }
                else if (DemoPeople.IsAt(page, DemoPeople.CodePath))
                {
                    await DemoPeople.EnterCodeAsync(page, _authenticatorKeys[email]);
                }

                await DemoPeople.AssertSignedInAsync(page);
                state = await context.StorageStateAsync();
                _signedInStates[role] = state;
            }

            return state;
        }
        finally
        {
            _signInGate.Release();
        }
    }

    /// <summary>The link in the newest invitation e-mailed to <paramref name="email"/>, as the person would open it.</summary>
    public async Task<Uri> InvitationLinkAsync(string email)
    {
        var mail = new DirectoryInfo(Path.Combine(DataFolder, "mail"));
        var files = mail.Exists ? mail.GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal) : Enumerable.Empty<FileInfo>();
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file.FullName);
            if (message.To.Mailboxes.Any(m => m.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
                && InvitationLink().Match(message.TextBody ?? string.Empty) is { Success: true } link)
            {
                return new Uri(link.Value);
            }
        }

        throw new InvalidOperationException($"No invitation to {email} in {mail.FullName}.");
    }

    [GeneratedRegex(@"https?://\S+/accept-invitation\?\S+")]
    private static partial Regex InvitationLink();

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Lantern exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy migrating or adding the demo people.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Lantern was not ready at {BaseUrl} after {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lantern.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Lantern.slnx above {AppContext.BaseDirectory}.");
    }
}
