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
            catch (MySqlException e) when (attempt < Attempts && e.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt)).ConfigureAwait(false);
            }
        }
    }
}
