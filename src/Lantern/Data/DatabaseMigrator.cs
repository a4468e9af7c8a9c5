using Lantern.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Data;

/// <summary>Creates and migrates the database when the app starts, then adds demo data when asked.</summary>
public sealed partial class DatabaseMigrator(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    IOptions<LanternOptions> lantern,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        if (database.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, database.Value.Provider);
        }

        if (lantern.Value.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().AddAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}).")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
