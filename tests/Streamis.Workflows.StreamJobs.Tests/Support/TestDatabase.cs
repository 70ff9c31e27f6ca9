using MySqlConnector;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>
/// A fresh, real database per test: a SQLite file in a temp folder, or a new MariaDB database when
/// STREAMIS_TEST_MYSQL holds a server connection string.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string MySqlVariable = "STREAMIS_TEST_MYSQL";

    private readonly string? mySqlServer;
    private readonly string? mySqlDatabase;

    private TestDatabase(DatabaseProvider provider)
    {
        Folder = Path.Combine(Path.GetTempPath(), "sj-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            Options = new PersistenceOptions { Provider = provider, DataDirectory = Folder };
        }
        else
        {
            mySqlServer = Environment.GetEnvironmentVariable(MySqlVariable)!;
            mySqlDatabase = "sj_" + Guid.NewGuid().ToString("N")[..12];
            Options = new PersistenceOptions
            {
                Provider = provider,
                ConnectionString = new MySqlConnectionStringBuilder(mySqlServer) { Database = mySqlDatabase, MaximumPoolSize = 200 }.ConnectionString,
            };
        }
    }

    /// <summary>A temp folder for the test (SQLite file, job file store).</summary>
    public string Folder { get; }

    public PersistenceOptions Options { get; }

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.MySql)
            Assert.SkipWhen(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MySqlVariable)),
                $"MySQL tests need a server: set {MySqlVariable} (e.g. from `.ci/start-mariadb`); CI sets it.");
        return new TestDatabase(provider);
    }

    /// <summary>The workflow schema and the stream-job schema, both migrated, as the host does at start-up.</summary>
    public async Task<StreamJobsDatabase> OpenAsync()
    {
        var workflow = new WorkflowDatabase(Options);
        await workflow.InitializeAsync();
        var database = new StreamJobsDatabase(workflow);
        await database.InitializeAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (mySqlServer is not null)
        {
            MySqlConnection.ClearAllPools();
            await using var connection = new MySqlConnection(mySqlServer);
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{mySqlDatabase}`", connection);
            await command.ExecuteNonQueryAsync();
        }
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
