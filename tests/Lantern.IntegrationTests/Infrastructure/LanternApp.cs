using Lantern.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Lantern in-process over HTTP on its own fresh database, copied from a template that was migrated
/// and given the demo organisation once per test run. One instance per test class (a class fixture).
/// </summary>
public abstract class LanternApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);

    protected LanternApp(DatabaseProvider provider)
    {
        Provider = provider;
        DataFolder = Path.Combine(Path.GetTempPath(), "lantern-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
    }

    public DatabaseProvider Provider { get; }

    public string DataFolder { get; }

    public string ConnectionString { get; private set; } = string.Empty;

    public TestMailServer Mail { get; } = new();

    /// <summary>Extra settings a test class needs (rate limits, say), applied over the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        ConnectionString = await DatabaseTemplates.NewDatabaseAsync(Provider, DataFolder);
        await Mail.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _signedIn.Values)
        {
            client.Dispose();
        }

        await DisposeAsync();
        await Mail.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Lantern:Database:Provider"] = Provider.ToString(),
            ["Lantern:Database:ConnectionString"] = ConnectionString,
            ["Lantern:DataFolder"] = DataFolder,
            ["Lantern:Demo"] = "false",
            [TestKeys.Setting] = TestKeys.Ring,
            ["Lantern:Mail:SmtpHost"] = "127.0.0.1",
            ["Lantern:Mail:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lantern:Mail:UseTls"] = "false",
            ["Lantern:Mail:PublicBaseUrl"] = "https://localhost",
            // Many tests sign in from the same address; the rate limit itself is tested on its own.
            ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "1000",
            ["Lantern:RateLimits:FormPostsPerMinute"] = "1000",
            ["Lantern:Learning:VerifyPerAddressPerMinute"] = "1000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>Replace a real part where a test must control it (the clock, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A browser-like client: https, cookies kept, redirects not followed (tests assert them).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>
    /// A client signed in as the demo person with this role, second factor done where the role needs
    /// it. Signed in once per test class and reused: hashing at the production cost is slow by design.
    /// </summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        await _signInGate.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(role, out var client))
            {
                client = NewClient();
                await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(role));
                _signedIn[role] = client;
            }

            return client;
        }
        finally
        {
            _signInGate.Release();
        }
    }
}

public sealed class SqliteApp() : LanternApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : LanternApp(DatabaseProvider.Postgres);
