using Lantern.Testing;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server per test run, started on first use without fsync (durability is
/// tested on purpose by the crash test, never by accident here) and stopped when the test process exits.
/// </summary>
public static class PostgresCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? s_server;

    public static async Task<string> AdminConnectionStringAsync()
    {
        if (s_server is not null)
        {
            return s_server.AdminConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (s_server is null)
            {
                var server = await PostgresServer.StartAsync(durable: false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Destroy();
                Console.WriteLine($"PostgreSQL test cluster started on 127.0.0.1:{server.Port}");
                s_server = server;
            }

            return s_server.AdminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string ConnectionString(string adminConnectionString, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
}
