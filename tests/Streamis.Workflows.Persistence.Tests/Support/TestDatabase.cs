using MySqlConnector;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.Persistence.Tests.Support;

/// <summary>
/// A fresh, real database per test: a SQLite file in a temp folder, or a new MariaDB database when
/// STREAMIS_TEST_MYSQL holds a server connection string (as .ci/start-mariadb prints).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string MySqlVariable = "STREAMIS_TEST_MYSQL";

    private readonly string? folder;
    private readonly string? mySqlServer;
    private readonly string? mySqlDatabase;

    private TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "swf-tests", Guid.NewGuid().ToString("N"));
            Options = new PersistenceOptions { Provider = provider, DataDirectory = folder };
        }
        else
        {
            mySqlServer = Environment.GetEnvironmentVariable(MySqlVariable)!;
            mySqlDatabase = "swf_" + Guid.NewGuid().ToString("N")[..12];
            Options = new PersistenceOptions
            {
                Provider = provider,
                ConnectionString = new MySqlConnectionStringBuilder(mySqlServer) { Database = mySqlDatabase, MaximumPoolSize = 200 }.ConnectionString,
            };
        }
    }

    public DatabaseProvider Provider { get; }

    public PersistenceOptions Options { get; }

    /// <summary>A new empty database, or a skipped test when the provider is not available here.</summary>
    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.MySql)
            Assert.SkipWhen(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MySqlVariable)),
                $"MySQL tests need a server: set {MySqlVariable} (e.g. from `.ci/start-mariadb`); CI sets it.");
        return new TestDatabase(provider);
    }

    public async Task<WorkflowDatabase> OpenAsync(bool migrate = true)
    {
        var database = new WorkflowDatabase(new PersistenceOptions
        {
            Provider = Options.Provider,
            ConnectionString = Options.ConnectionString,
            DataDirectory = Options.DataDirectory,
            ApplyMigrations = migrate,
        });
        await database.InitializeAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        else if (mySqlServer is not null)
        {
            MySqlConnection.ClearAllPools();
            await using var connection = new MySqlConnection(mySqlServer);
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{mySqlDatabase}`", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
