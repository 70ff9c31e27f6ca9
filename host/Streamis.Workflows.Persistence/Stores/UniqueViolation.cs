using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Streamis.Workflows.Persistence.Stores;

internal static class UniqueViolation
{
    public static bool Is(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } => true,
        DbUpdateException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
