using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Streamis.Workflows.Persistence;

/// <summary>Creates contexts for the configured provider and brings its schema up to date.</summary>
public sealed class WorkflowDatabase
{
    // Pooled: a new context per query costs more than many of the queries it runs.
    private readonly PooledDbContextFactory<SqliteWorkflowDbContext>? sqlitePool;
    private readonly PooledDbContextFactory<MySqlWorkflowDbContext>? mySqlPool;

    public WorkflowDatabase(PersistenceOptions options)
    {
        Options = options;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var connection = options.ConnectionString ?? DefaultSqlite(options.DataDirectory);
            ConnectionString = connection;
            SqlitePragmas = new SqlitePragmas(options.SqliteSynchronous);
            sqlitePool = new(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                .UseSqlite(connection, o => o.MigrationsAssembly(typeof(WorkflowDatabase).Assembly.FullName))
                .AddInterceptors(SqlitePragmas)
                .Options);
        }
        else
        {
            ConnectionString = options.ConnectionString ?? throw new ArgumentException("a MySQL connection string is required (Persistence:ConnectionString)");
            mySqlPool = new(new DbContextOptionsBuilder<MySqlWorkflowDbContext>()
                // No retrying execution strategy: it forbids the explicit transactions commits need, and the
                // runtime already retries at the queue level (an uncommitted run is taken up again).
                .UseMySql(ConnectionString, MySqlServerVersion)
                .Options);
        }
    }

    /// <summary>Pinned rather than detected, so a context can be made without a round trip to the server.</summary>
    public static readonly ServerVersion MySqlServerVersion = new MariaDbServerVersion(new Version(10, 11));

    public PersistenceOptions Options { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => Options.Provider == DatabaseProvider.Sqlite;

    /// <summary>What every SQLite connection of this database is set to as it opens; null on MySQL.</summary>
    public SqlitePragmas? SqlitePragmas { get; }

    /// <summary>Quotes a column name for hand-written SQL (<c>key</c> is reserved on MySQL).</summary>
    public string Quote(string identifier) => IsSqlite ? $"\"{identifier}\"" : $"`{identifier}`";

    /// <summary>
    /// A plain open connection for the hot write path (a run's commit). Opening one through EF costs three times
    /// the commit itself on SQLite: EF sets up its SQL functions on every connection it opens.
    /// </summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        System.Data.Common.DbConnection connection = IsSqlite ? new SqliteConnection(ConnectionString) : new MySqlConnector.MySqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (SqlitePragmas is not null) await SqlitePragmas.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// A write transaction. On MySQL at READ COMMITTED: the default REPEATABLE READ takes gap locks on the index
    /// ranges a commit deletes from, and nodes committing different instances then deadlock on each other.
    /// </summary>
    public async Task<System.Data.Common.DbTransaction> BeginWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
        IsSqlite
            ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public WorkflowDbContext CreateContext() => sqlitePool is not null ? sqlitePool.CreateDbContext() : mySqlPool!.CreateDbContext();

    /// <summary>Applies pending migrations (unless turned off), and on SQLite switches the file to WAL.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        if (IsSqlite)
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder) Directory.CreateDirectory(folder);
        }
        if (Options.ApplyMigrations) await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (IsSqlite)
        {
            // WAL lets readers (listing, health) go on while a worker commits.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DefaultSqlite(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "streamis-workflows.db"),
            DefaultTimeout = 30,
        }.ToString();
}
