using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Lantern.Data;

public static class DataServices
{
    /// <summary>The database, on SQLite (default, a file in the data folder) or PostgreSQL.</summary>
    public static WebApplicationBuilder AddLanternData(this WebApplicationBuilder builder)
    {
        MigrationAssemblies.LoadFromAppFolder();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<IInterceptor, TransactionMetrics>();
        // Pooled: a request's context (the session's, then the page's) is reset and reused, not built anew.
        builder.Services.AddDbContextPool<LanternDbContext>((services, options) =>
        {
            Configure(
                options,
                services.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                services.GetRequiredService<IOptions<LanternOptions>>().Value,
                services.GetRequiredService<SqlitePragmas>(),
                services.GetRequiredService<SqliteWriteGate>());
            // Features watch the context through interceptors they register (the audit log's commit signal).
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddDbContextCheck<LanternDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The provider and its connection. On SQLite, <paramref name="gate"/> (one per process, so every context
    /// queues at the same gate) orders the writers; without it they meet SQLite's lock alone.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, LanternOptions lantern, SqlitePragmas? pragmas = null, SqliteWriteGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(lantern);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(database, lantern), sqlite => sqlite.MigrationsAssembly("Lantern.Migrations.Sqlite"));
                options.AddInterceptors(pragmas ?? new SqlitePragmas());
                if (gate is not null)
                {
                    options.AddInterceptors(gate);
                }
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(database.ConnectionString))
                {
                    throw new InvalidOperationException("Lantern:Database:ConnectionString is required when the provider is Postgres.");
                }

                options.UseNpgsql(database.ConnectionString, pg => pg.MigrationsAssembly("Lantern.Migrations.Postgres"));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{database.Provider}'. Use Sqlite or Postgres.");
        }
    }

    public static string SqliteConnectionString(DatabaseOptions database, LanternOptions lantern)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(lantern);
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        Directory.CreateDirectory(lantern.DataFolderFullPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(lantern.DataFolderFullPath, "lantern.db"),
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
    }
}
