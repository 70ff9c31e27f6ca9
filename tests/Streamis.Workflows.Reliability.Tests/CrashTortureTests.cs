using Streamis.Workflows.Reliability.Tests.Support;

namespace Streamis.Workflows.Reliability.Tests;

/// <summary>
/// Host processes SIGKILLed at seeded random points while they start, snapshot-and-stop, recover and bulk-restart jobs
/// on the Linkis simulation: after a restart every operation completes, no task is launched twice, no savepoint that
/// reached the host is lost, and no task is left Starting or Stopping.
/// </summary>
public sealed class CrashTortureTests
{
    [Fact]
    public async Task Killed_hosts_on_SQLite_finish_every_operation_without_a_second_launch_or_a_lost_savepoint()
    {
        var data = Directory.CreateTempSubdirectory("swf-torture-sqlite").FullName;
        await using var database = ReliabilityDatabase.Sqlite(data);
        await new CrashTorture(TortureSettings.FromEnvironment(defaultTrials: 30), database, data, TestLog.Write).RunAsync();
        TryDelete(data);
    }

    [Fact]
    public async Task Killed_hosts_on_MariaDB_finish_every_operation_without_a_second_launch_or_a_lost_savepoint()
    {
        await using var database = ReliabilityDatabase.MySql();
        var data = Directory.CreateTempSubdirectory("swf-torture-mariadb").FullName;
        await new CrashTorture(TortureSettings.FromEnvironment(defaultTrials: 10), database, data, TestLog.Write).RunAsync();
        TryDelete(data);
    }


    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
