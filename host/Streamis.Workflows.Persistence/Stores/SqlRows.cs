using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Streamis.Workflows.Persistence.Stores;

/// <summary>
/// Multi-row INSERTs on the context's connection and transaction. Commits write many rows at once (a journal line
/// per activity); EF's change tracking cost ten times the database's own work for them.
/// </summary>
internal static class SqlRows
{
    // Below every provider's parameter limit (SQLite builds may cap at 999).
    private const int MaxParameters = 900;

    public static async Task InsertAsync(WorkflowDbContext db, WorkflowDatabase database, string table, string[] columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
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

    /// <summary>
    /// The same rows as one JSON parameter that SQLite expands itself (<c>json_each</c>): binding a dozen
    /// journal lines of seventeen columns one parameter at a time cost more than the commit's disk write.
    /// </summary>
    public static async Task InsertJsonAsync(WorkflowDbContext db, WorkflowDatabase database, string table, string[] columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var select = string.Join(", ", columns.Select((_, i) => $"value ->> '$[{i}]'"));
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(database.Quote))}) SELECT {select} FROM json_each(@rows)";
        command.Parameters.Add(Parameter(command, "@rows", System.Text.Json.JsonSerializer.Serialize(rows)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
