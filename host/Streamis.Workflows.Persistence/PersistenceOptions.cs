namespace Streamis.Workflows.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

public sealed class PersistenceOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For MySQL, the connection string. For SQLite, optional: the default is a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite only: whether each commit waits for the disk (see <see cref="Persistence.SqliteSynchronous"/>).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>Bring the schema up to date at start-up. Turn off to run migrations by hand.</summary>
    public bool ApplyMigrations { get; set; } = true;
}
