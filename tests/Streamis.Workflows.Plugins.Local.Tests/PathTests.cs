using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

/// <summary>State paths come from users; none may reach outside the engine's data folder.</summary>
public sealed class PathTests : LocalEngineTest
{
    public static TheoryData<string> Outside => new()
    {
        "../../../../etc",
        "../../../../../../../../etc/passwd",
        "/etc/passwd",
        "file:///etc/passwd",
        "hdfs:///flink/flink-savepoints/demo/job/1",
    };

    [Theory]
    [MemberData(nameof(Outside))]
    public async Task A_state_to_check_outside_the_data_folder_is_refused(string location)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => States.ExistsAsync(Query(40), location, CancellationToken.None));

        Assert.True(error.Message.Contains("outside the Local engine's data folder", StringComparison.Ordinal)
            || error.Message.Contains("not a local path", StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [MemberData(nameof(Outside))]
    public async Task A_state_to_restore_outside_the_data_folder_is_refused_before_anything_starts(string location)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(Request(41, 1, restoreFrom: location)));

        Assert.False(Directory.Exists(Path.Combine(DataDirectory, "jobs", "41", "tasks")));
    }

    [Theory]
    [MemberData(nameof(Outside))]
    public async Task A_savepoint_folder_outside_the_data_folder_is_refused(string directory)
    {
        var handle = await LaunchAsync(Request(42, 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Launcher.TriggerSavepointAsync(handle, directory, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Launcher.StopAsync(handle, StopMode.StopWithSavepoint, directory, CancellationToken.None));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);
    }

    [Fact]
    public async Task A_missing_state_to_restore_is_refused_with_its_path()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(Request(43, 1, restoreFrom: "savepoints/1/savepoint-nope")));

        Assert.Contains("'savepoints/1/savepoint-nope', does not exist", error.Message);
    }

    [Fact]
    public async Task A_savepoint_goes_to_a_folder_the_user_names_inside_the_job_and_is_found_there()
    {
        var handle = await LaunchAsync(Request(44, 1));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);

        var savepoint = await Launcher.TriggerSavepointAsync(handle, "manual", CancellationToken.None);

        Assert.StartsWith(Path.Combine(DataDirectory, "jobs", "44", "manual", "savepoint-"), savepoint.Location);
        Assert.Equal(savepoint.Location, (await States.FindLatestAsync(Query(44), JobStateKind.Savepoint, CancellationToken.None))?.Location);
        Assert.True(await States.ExistsAsync(Query(44), Path.GetDirectoryName(savepoint.Location)!, CancellationToken.None));
    }
}
