using Streamis.Workflows.Reliability.Tests.Support;

namespace Streamis.Workflows.Reliability.Tests;

/// <summary>
/// Host processes SIGKILLed at seeded random points while they start, snapshot-and-stop, recover and bulk-restart jobs
/// on the Linkis simulation: after a restart every operation completes, no task is launched twice, no savepoint that
/// reached the host is lost, and no task is left Starting or Stopping. SQLite here, MariaDB in <see cref="MariaDbCrashTortureTests"/>
/// (separate classes so that the two chains run side by side).
/// </summary>
public sealed class CrashTortureTests
{
    [Fact]
    public async Task Killed_hosts_on_SQLite_finish_every_operation_without_a_second_launch_or_a_lost_savepoint()
    {
        var data = Directory.CreateTempSubdirectory("swf-torture-sqlite").FullName;
        await using var database = ReliabilityDatabase.Sqlite(data);
        await new CrashTorture(TortureSettings.FromEnvironment(defaultTrials: 20), database, data, TestLog.Write).RunAsync();
        TryDelete(data);
    }

    internal static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
