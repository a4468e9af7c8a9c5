using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run: initdb into a temp folder, started on a free
/// loopback port, stopped with "immediate" when the test process exits. initdb refuses to run as
/// root, so as root the folder is given to the postgres user and the binaries run through runuser.
/// </summary>
public static class PostgresCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? s_adminConnectionString;
    private static string? s_folder;
    private static string? s_bin;

    public static async Task<string> AdminConnectionStringAsync()
    {
        if (s_adminConnectionString is not null)
        {
            return s_adminConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            s_adminConnectionString ??= await StartAsync();
            return s_adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string ConnectionString(string adminConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    private static async Task<string> StartAsync()
    {
        s_bin = FindBinaries();
        s_folder = Path.Combine(Path.GetTempPath(), "lantern-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(s_folder, "data");
        Directory.CreateDirectory(s_folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", s_folder]);
        }

        var port = FreePort();
        await RunPgAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        // fsync off: a throwaway cluster; durability is tested on purpose elsewhere, never by accident here.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {s_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(s_folder, "log.txt"), "-w", "-t", "60", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(asRoot, data);
        Console.WriteLine($"PostgreSQL test cluster started on 127.0.0.1:{port} in {s_folder}");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = true,
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    private static void Stop(bool asRoot, string data)
    {
        try
        {
            var (file, args) = PgCommand(asRoot, "pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
            using var stop = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true });
            stop?.WaitForExit(30_000);
            Directory.Delete(s_folder!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under /tmp.
        }
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

    private static (string File, string[] Args) PgCommand(bool asRoot, string tool, string[] args) =>
        asRoot
            ? ("runuser", ["-u", "postgres", "--", Path.Combine(s_bin!, tool), .. args])
            : (Path.Combine(s_bin!, tool), args);

    private static Task RunPgAsync(bool asRoot, string tool, string[] args)
    {
        var (file, all) = PgCommand(asRoot, tool, args);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
