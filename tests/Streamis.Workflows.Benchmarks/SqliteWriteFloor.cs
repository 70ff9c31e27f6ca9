using Microsoft.Data.Sqlite;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// The physical floor of a durable step on SQLite: one transaction that inserts a row and updates another, with plain
/// Microsoft.Data.Sqlite on a file in WAL mode with the host's per-connection settings (<see cref="SqlitePragmas"/>).
/// </summary>
public sealed class SqliteWriteFloor : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private long next;

    private SqliteWriteFloor(SqliteConnection connection)
    {
        this.connection = connection;
        insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO floor_journal (id, payload) VALUES ($id, $payload)";
        insert.Parameters.Add("$id", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", new string('j', 200));
        update = connection.CreateCommand();
        update.CommandText = "UPDATE floor_state SET version = $version, payload = $payload WHERE id = 1";
        update.Parameters.Add("$version", SqliteType.Integer);
        update.Parameters.AddWithValue("$payload", new string('s', 2000));
    }

    /// <summary>Opens (and prepares) the floor's two tables in the SQLite file of <paramref name="connectionString"/>, switched to WAL.</summary>
    public static SqliteWriteFloor Open(string connectionString, SqlitePragmas pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        pragmas.Apply(connection);
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS floor_journal (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS floor_state (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, payload TEXT NOT NULL);
            DELETE FROM floor_journal;
            INSERT OR REPLACE INTO floor_state (id, version, payload) VALUES (1, 0, '');
            """;
        create.ExecuteNonQuery();
        return new SqliteWriteFloor(connection);
    }

    /// <summary>One write transaction: a journal row inserted and the state row updated, then committed.</summary>
    public void Commit()
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        update.Transaction = transaction;
        insert.Parameters["$id"].Value = ++next;
        insert.ExecuteNonQuery();
        update.Parameters["$version"].Value = next;
        update.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose()
    {
        insert.Dispose();
        update.Dispose();
        connection.Dispose();
    }
}
