using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Streamis.Workflows.Persistence;

/// <summary>
/// Sets <see cref="SqliteSynchronous"/> on every SQLite connection as it opens: the setting belongs to the connection,
/// not the file, so a connection that skipped it would flush the disk on each commit again.
/// </summary>
public sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string statement = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, cancellationToken).ConfigureAwait(false);

    public void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    public async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
