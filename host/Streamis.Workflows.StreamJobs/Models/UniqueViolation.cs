using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Streamis.Workflows.StreamJobs.Models;

// A copy of the Persistence project's internal check, so that project need not open its internals.
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
