using Lantern.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Load;

/// <summary>The app's own DbContext, on the provider and database the options name.</summary>
public static class Database
{
    public static LanternDbContext Open(Arguments arguments)
    {
        MigrationAssemblies.LoadFromAppFolder();
        var provider = Enum.Parse<DatabaseProvider>(arguments.Text("provider") ?? "Sqlite", ignoreCase: true);
        var database = new DatabaseOptions { Provider = provider, ConnectionString = arguments.Text("connection") ?? string.Empty };
        var lantern = new LanternOptions { DataFolder = arguments.Text("data-folder") ?? "data" };
        var options = new DbContextOptionsBuilder<LanternDbContext>();
        DataServices.Configure(options, database, lantern);
        return new LanternDbContext(options.Options);
    }
}
