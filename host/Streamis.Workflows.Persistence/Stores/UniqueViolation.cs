using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Streamis.Workflows.Persistence.Stores;

/// <summary>Whether a write failed on a unique index, on either provider; the stores of every module use it.</summary>
public static class UniqueViolation
{
    public static bool Is(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } => true,
        DbUpdateException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
