using Streamis.Workflows.Reliability.Tests.Support;

namespace Streamis.Workflows.Reliability.Tests;

/// <summary>The crash torture of <see cref="CrashTortureTests"/> on MariaDB, where several nodes would share the database.</summary>
public sealed class MariaDbCrashTortureTests
{
    [Fact]
    public async Task Killed_hosts_on_MariaDB_finish_every_operation_without_a_second_launch_or_a_lost_savepoint()
    {
        await using var database = ReliabilityDatabase.MySql();
        var data = Directory.CreateTempSubdirectory("swf-torture-mariadb").FullName;
        await new CrashTorture(TortureSettings.FromEnvironment(defaultTrials: 10), database, data, TestLog.Write).RunAsync();
        CrashTortureTests.TryDelete(data);
    }
}
