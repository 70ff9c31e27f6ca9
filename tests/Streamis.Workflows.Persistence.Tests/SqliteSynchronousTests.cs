using Microsoft.EntityFrameworkCore;

namespace Streamis.Workflows.Persistence.Tests;

/// <summary>Every SQLite connection the host opens, through EF or for a commit, waits for the disk as configured.</summary>
public sealed class SqliteSynchronousTests : IDisposable
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
            Assert.Equal(pragmaValue, await ReadAsync(context.Database.GetDbConnection()));
        }
        await using var raw = await database.OpenConnectionAsync(default);
        Assert.Equal(pragmaValue, await ReadAsync(raw));
    }

    private static async Task<long> ReadAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
