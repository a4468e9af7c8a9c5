using Lantern.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Each provider's template: migrated and given the demo organisation once per test run by the app
/// itself, then copied for every test class (PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: the file).
/// </summary>
public static class DatabaseTemplates
{
    private const string PostgresTemplate = "lantern_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string SqliteTemplateFolder = Path.Combine(Path.GetTempPath(), "lantern-template-" + Guid.NewGuid().ToString("N")[..12]);
    private static string? s_sqliteTemplate;
    private static bool s_postgresReady;

    public static async Task<string> NewDatabaseAsync(DatabaseProvider provider, string dataFolder)
    {
        var name = "lantern_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var file = Path.Combine(dataFolder, name + ".db");
            // VACUUM INTO writes a consistent copy whatever the template's journal state.
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = template, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await using var command = new SqliteCommand("VACUUM INTO $file", connection);
                command.Parameters.AddWithValue("$file", file);
                await command.ExecuteNonQueryAsync();
            }

            return new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ToString();
        }

        var admin = await PostgresCluster.AdminConnectionStringAsync();
        await PostgresTemplateAsync(admin);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}", connection);
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
                {
                    // A connection the template's own app left behind (a background job closing late): end it and copy again.
                    await using var end = new NpgsqlCommand(
                        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{PostgresTemplate}' AND pid <> pg_backend_pid()", connection);
                    await end.ExecuteNonQueryAsync();
                    await Task.Delay(200 * attempt);
                }
            }
        }

        return PostgresCluster.ConnectionString(admin, name);
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (s_sqliteTemplate is null)
            {
                Directory.CreateDirectory(SqliteTemplateFolder);
                var file = Path.Combine(SqliteTemplateFolder, "template.db");
                var connectionString = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ToString();
                await MigrateAndAddDemoAsync(DatabaseProvider.Sqlite, connectionString);
                SqliteConnection.ClearAllPools();
                s_sqliteTemplate = file;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(SqliteTemplateFolder, recursive: true);
            }

            return s_sqliteTemplate;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task PostgresTemplateAsync(string admin)
    {
        await Gate.WaitAsync();
        try
        {
            if (s_postgresReady)
            {
                return;
            }

            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {PostgresTemplate}", connection);
                await command.ExecuteNonQueryAsync();
            }

            await MigrateAndAddDemoAsync(DatabaseProvider.Postgres, PostgresCluster.ConnectionString(admin, PostgresTemplate));
            // CREATE DATABASE … TEMPLATE needs no one connected to the template.
            NpgsqlConnection.ClearAllPools();
            s_postgresReady = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts the real app once on the template, which migrates it and adds the demo data as on a first run.</summary>
    private static async Task MigrateAndAddDemoAsync(DatabaseProvider provider, string connectionString)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-template-data-" + Guid.NewGuid().ToString("N")[..12]);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Testing")
            .UseSetting("Lantern:Database:Provider", provider.ToString())
            .UseSetting("Lantern:Database:ConnectionString", connectionString)
            .UseSetting("Lantern:DataFolder", folder)
            .UseSetting("Lantern:Demo", "true")
            .UseSetting(TestKeys.Setting, TestKeys.Ring));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }
}
