using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.Persistence.Tests;

/// <summary>Every SQLite connection the host opens, through EF or for a commit, is set up alike (<see cref="SqlitePragmas"/>).</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("streamis-sync-").FullName;

    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1L)]
    [InlineData(SqliteSynchronous.Full, 2L)]
    public async Task Context_and_commit_connections_use_the_configured_setting(SqliteSynchronous setting, long pragmaValue)
    {
        var database = new WorkflowDatabase(new PersistenceOptions { DataDirectory = Path.Combine(folder, setting.ToString()), SqliteSynchronous = setting });
        await database.InitializeAsync();

        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            Assert.Equal(pragmaValue, await ReadAsync(context.Database.GetDbConnection(), "synchronous"));
        }
        await using var raw = await database.OpenConnectionAsync(default);
        Assert.Equal(pragmaValue, await ReadAsync(raw, "synchronous"));
    }

    [Fact]
    public async Task A_writer_finding_the_file_locked_waits_inside_SQLite_up_to_the_command_timeout()
    {
        // Without a busy timeout SQLite refuses at once and Microsoft.Data.Sqlite naps 150 ms before each new try.
        var database = new WorkflowDatabase(new PersistenceOptions { DataDirectory = folder });
        await database.InitializeAsync();

        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            Assert.Equal(30_000L, await ReadAsync(context.Database.GetDbConnection(), "busy_timeout"));
        }
        await using var raw = await database.OpenConnectionAsync(default);
        Assert.Equal(30_000L, await ReadAsync(raw, "busy_timeout"));
    }

    private static async Task<long> ReadAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
