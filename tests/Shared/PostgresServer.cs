using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lantern.Testing;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temp folder, started on a free loopback port.
/// initdb refuses to run as root, so as root the folder is given to the postgres user and the
/// binaries run through runuser. A fast server skips fsync (for tests that are not about
/// durability); a durable one keeps PostgreSQL's defaults (for the crash test).
/// Shared by the integration tests and the load tools (linked into both).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _options;
    private readonly bool _asRoot;

    private PostgresServer(string bin, string folder, int port, bool durable)
    {
        _bin = bin;
        _folder = folder;
        _asRoot = Environment.UserName == "root";
        Port = port;
        // Without fsync a crash can lose or corrupt anything: only for servers nobody kills on purpose.
        var speed = durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        _options = $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=200{speed}";
    }

    public int Port { get; }

    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        Pooling = true,
        MaxPoolSize = 20,
    }.ConnectionString;

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync(bool durable)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(FindBinaries(), folder, FreePort(), durable);
        if (server._asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        }

        string[] noSync = durable ? [] : ["--no-sync"];
        await server.RunPgAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", .. noSync]);
        await server.StartAgainAsync();
        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Starts the server (again, after <see cref="StopImmediatelyAsync"/>); crash recovery runs first.</summary>
    public Task StartAgainAsync() =>
        RunPgAsync("pg_ctl", ["-D", DataFolder, "-o", _options, "-l", Path.Combine(_folder, "log.txt"), "-w", "-t", "120", "start"]);

    /// <summary>Stops at once, as a power cut would: no checkpoint, recovery from the WAL on the next start.</summary>
    public Task StopImmediatelyAsync() =>
        RunPgAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    /// <summary>Stops the server at once and deletes its folder; safe to call from a process-exit handler.</summary>
    public void Destroy()
    {
        try
        {
            var (file, args) = PgCommand("pg_ctl", ["-D", DataFolder, "-m", "immediate", "stop"]);
            using var stop = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true });
            stop?.WaitForExit(30_000);
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under /tmp.
        }
    }

    public ValueTask DisposeAsync()
    {
        Destroy();
        return ValueTask.CompletedTask;
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Run scripts/test.sh, which installs them.");
    }

    private (string File, string[] Args) PgCommand(string tool, string[] args) =>
        _asRoot
            ? ("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : (Path.Combine(_bin, tool), args);

    private Task RunPgAsync(string tool, string[] args)
    {
        var (file, all) = PgCommand(tool, args);
        return RunAsync(file, all);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
