using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lantern.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c>: pass <c>-- Sqlite</c> or <c>-- Postgres</c> to choose the provider.
/// See docs in the README ("Migrations").
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LanternDbContext>
{
    public LanternDbContext CreateDbContext(string[] args)
    {
        var provider = args.Length > 0 && Enum.TryParse<DatabaseProvider>(args[0], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;
        var options = new DbContextOptionsBuilder<LanternDbContext>();
        var database = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=lantern_design" : "Data Source=design.db",
        };
        DataServices.Configure(options, database, new LanternOptions());
        return new LanternDbContext(options.Options);
    }
}
