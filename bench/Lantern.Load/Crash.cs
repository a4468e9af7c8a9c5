using System.Collections.Concurrent;
using System.Diagnostics;
using Lantern.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Load;

/// <summary>
/// The crash test (ENGINEERING.md, "Reliability: nothing lost"): workers record concerns with unique
/// idempotency keys as fast as the app takes them while the app is killed with SIGKILL at random
/// moments (on PostgreSQL the database server is also stopped immediately) and started again. At
/// the end every concern whose submission was acknowledged must be present exactly once, the
/// database must pass its integrity check and every audit chain must verify.
/// </summary>
public static class Crash
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var provider = arguments.Text("provider") ?? "Sqlite";
        var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var kills = arguments.Number("kills", 20);
        var workers = arguments.Number("workers", 4);
        var random = new Random(arguments.Number("seed", 2026));
        var dataFolder = Path.Combine(Path.GetTempPath(), "lantern-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);

        await using var server = postgres ? await PostgresServer.StartAsync(durable: true) : null;
        var connection = string.Empty;
        if (server is not null)
        {
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE lantern", admin);
            await create.ExecuteNonQueryAsync();
            connection = server.ConnectionString("lantern");
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Lantern:DataFolder"] = dataFolder,
            ["Lantern:Demo"] = "true",
            ["Lantern:Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Lantern:Database:ConnectionString"] = connection,
            ["Lantern:Mail:SmtpHost"] = string.Empty,
            ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "100000",
            ["Lantern:RateLimits:FormPostsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var app = new AppProcess(arguments.Required("app"), arguments.Required("content-root"), settings);
        Console.WriteLine($"Crash test on {provider}: {kills} kills, {workers} workers, data in {dataFolder}");
        await app.StartAsync(CancellationToken.None);

        var acknowledged = new ConcurrentBag<Guid>();
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(app.BaseUrl, acknowledged, () => Interlocked.Increment(ref attempts), stop.Token))).ToList();

        var clock = Stopwatch.StartNew();
        for (var kill = 1; kill <= kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_500, 5_000)));
            await app.KillAsync();
            if (server is not null)
            {
                await server.StopImmediatelyAsync();
                await server.StartAgainAsync();
            }

            Console.WriteLine($"  kill {kill}/{kills} at {clock.Elapsed.TotalSeconds:F0} s: {acknowledged.Count} acknowledged so far");
            await app.StartAsync(CancellationToken.None);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        await app.KillAsync();

        var keys = acknowledged.ToList();
        var counts = postgres
            ? await ConcernJourney.CountByKeyAsync(new NpgsqlConnection(connection))
            : await ConcernJourney.CountByKeyAsync(new SqliteConnection($"Data Source={Path.Combine(dataFolder, "lantern.db")}"));
        var missing = keys.Count(k => !counts.ContainsKey(k));
        var duplicated = counts.Count(c => c.Value > 1);
        var integrity = postgres ? "not applicable" : await SqliteIntegrityAsync(Path.Combine(dataFolder, "lantern.db"));
        var (auditExit, auditOutput) = await app.RunCommandAsync("audit", "verify");

        Console.WriteLine($"""
            Submissions attempted: {attempts}
            Acknowledged: {keys.Count}; missing after the crashes: {missing}; stored more than once: {duplicated}
            Stored in all (acknowledged or not): {counts.Count}
            SQLite integrity_check: {integrity}
            audit verify (exit {auditExit}): {auditOutput.Trim()}
            """);
        var passed = missing == 0 && duplicated == 0 && integrity is "ok" or "not applicable" && auditExit == 0 && keys.Count > 0;
        Console.WriteLine(passed ? "PASSED" : "FAILED");
        if (passed)
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        return passed ? 0 : 1;
    }

    /// <summary>One person recording concerns one after another; a submission that gets no answer is retried once with the same key.</summary>
    private static async Task WorkAsync(Uri baseUrl, ConcurrentBag<Guid> acknowledged, Action attempted, CancellationToken stop)
    {
        Visitor? visitor = null;
        while (!stop.IsCancellationRequested)
        {
            var key = Guid.CreateVersion7();
            for (var attempt = 0; attempt < 2 && !stop.IsCancellationRequested; attempt++)
            {
                try
                {
                    visitor ??= await ConcernJourney.SignInAsync(baseUrl, stop);
                    attempted();
                    if (await ConcernJourney.SubmitAsync(visitor, key, stop))
                    {
                        acknowledged.Add(key);
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
                {
                    // The app is down or the database is away: wait, and try the same key again.
                    await Task.Delay(300, CancellationToken.None);
                    if (e is InvalidOperationException)
                    {
                        visitor?.Dispose();
                        visitor = null;
                    }
                }
            }
        }

        visitor?.Dispose();
    }

    private static async Task<string> SqliteIntegrityAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
