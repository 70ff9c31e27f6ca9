using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>
/// The database the host nodes share: a SQLite file in the data folder, or a fresh MariaDB database on the server
/// STREAMIS_TEST_MYSQL names (as .ci/start-mariadb prints). Without that variable MariaDB tests skip, saying why,
/// unless CI=true, where they fail. Tests read what the hosts stored straight from it.
/// </summary>
internal sealed class ReliabilityDatabase : IAsyncDisposable
{
    public const string MySqlVariable = "STREAMIS_TEST_MYSQL";

    private readonly string? sqliteFile;
    private readonly string? mySqlServer;
    private readonly string? mySqlDatabase;
    private readonly string connectionString;

    private ReliabilityDatabase(string? sqliteFile, string? mySqlServer, string? mySqlDatabase, string connectionString)
    {
        this.sqliteFile = sqliteFile;
        this.mySqlServer = mySqlServer;
        this.mySqlDatabase = mySqlDatabase;
        this.connectionString = connectionString;
    }

    public string Name => sqliteFile is null ? "MariaDB" : "SQLite";

    /// <summary>What a host is told about this database.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => sqliteFile is null
        ? new Dictionary<string, string> { ["Persistence__Provider"] = "MySql", ["Persistence__ConnectionString"] = connectionString }
        : new Dictionary<string, string> { ["Persistence__Provider"] = "Sqlite" };

    /// <summary>The host's default SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static ReliabilityDatabase Sqlite(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "streamis-workflows.db");
        return new ReliabilityDatabase(file, null, null, new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
    }

    /// <summary>A new MariaDB database, or a skipped test when no server is given (a failed one on CI).</summary>
    public static ReliabilityDatabase MySql()
    {
        var server = Environment.GetEnvironmentVariable(MySqlVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var why = $"MariaDB reliability tests need a server: set {MySqlVariable} (e.g. from `.ci/start-mariadb`)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), why + "; CI must set it.");
            Assert.Skip(why + "; CI sets it.");
        }
        var database = "swf_rel_" + Guid.NewGuid().ToString("N")[..10];
        var connection = new MySqlConnectionStringBuilder(server) { Database = database, MaximumPoolSize = 100 }.ConnectionString;
        return new ReliabilityDatabase(null, server, database, connection);
    }

    /// <summary>Rows of a query, each as column name → value (DBNull as null).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        // STREAMIS_TEST_KEEP_DB=1 leaves the MariaDB database for a look after a failed run.
        if (mySqlServer is null || Environment.GetEnvironmentVariable("STREAMIS_TEST_KEEP_DB") == "1") return;
        MySqlConnection.ClearAllPools();
        await using var connection = new MySqlConnection(mySqlServer);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{mySqlDatabase}`", connection);
        await command.ExecuteNonQueryAsync();
    }

    private DbConnection Open() => sqliteFile is null ? new MySqlConnection(connectionString) : new SqliteConnection(connectionString);
}
