using MySqlConnector;

namespace Streamis.Workflows.Persistence.Stores;

/// <summary>
/// Runs a write transaction again when MySQL/MariaDB chose it as a deadlock victim (or timed out on a lock): several
/// nodes committing at once can collide, and the server's answer is to retry. SQLite serialises writers instead.
/// </summary>
internal static class DeadlockRetry
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Attempts && IsLockConflict(e))
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The server's deadlock or lock-wait answer, also when it comes wrapped: statements EF runs through Pomelo's execution
    /// strategy (ExecuteSql, ExecuteUpdate) surface it inside an InvalidOperationException about transient failures.
    /// </summary>
    private static bool IsLockConflict(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout }) return true;
        return false;
    }
}
