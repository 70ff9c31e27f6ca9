using System.Data.Common;
using System.Text;

namespace Streamis.Workflows.Persistence.Stores;

/// <summary>
/// Multi-row INSERTs on a plain connection and transaction: a commit's rows (instance, bookmarks, work items,
/// journal batch) without EF's change tracking, which cost several times the database's own work for them.
/// </summary>
internal static class SqlRows
{
    // Below every provider's parameter limit (SQLite builds may cap at 999).
    private const int MaxParameters = 900;

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, WorkflowDatabase database, string table, string[] columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var columnList = string.Join(", ", columns.Select(database.Quote));
        var perCommand = Math.Max(1, MaxParameters / columns.Length);
        for (var start = 0; start < rows.Count; start += perCommand)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").Append(columnList).Append(") VALUES ");
            var count = Math.Min(perCommand, rows.Count - start);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(Parameter(command, name, row[c]));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one statement with named parameters; returns the rows it affected (matched, on MySQL).</summary>
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the rows of a query as arrays of column values.</summary>
    public static async Task<List<object?[]>> QueryAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(command, name, value));
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
