namespace Lantern.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Lantern:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Lantern:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For PostgreSQL, required. For SQLite, optional: by default the file is
    /// <c>lantern.db</c> in the data folder.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
