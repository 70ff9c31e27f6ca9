using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class StopTests : LinkisPluginTest
{
    [Fact]
    public async Task A_direct_stop_kills_the_EngineConn_and_nothing_else()
    {
        var handle = await LaunchAsync();
        Linkis.ClearRequests();

        var state = await Launcher.StopAsync(handle, StopMode.Direct, null, None);

        Assert.Null(state);
        var kill = Assert.Single(Linkis.Requests);
        Assert.Equal(LinkisCalls.KillEngineConn, kill.Call);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"applicationName":"linkis-cg-engineconn","instance":"{{Linkis.LastEngineConn.Instance}}"}"""), kill.Json));
        Assert.True(Linkis.LastEngineConn.Killed);
        Assert.Equal(StreamTaskStatus.Failed, (await Launcher.GetStatusAsync(handle, None)).Status);
    }

    [Fact]
    public async Task Snapshot_and_stop_takes_a_savepoint_into_the_task_folder_then_kills()
    {
        var handle = await LaunchAsync();
        Linkis.ClearRequests();

        var state = await Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, None);

        Assert.Equal([LinkisCalls.Savepoint, LinkisCalls.KillEngineConn], Linkis.Requests.Select(r => r.Call));
        Assert.EndsWith("linkisManager/executeEngineConnOperation", Linkis.Requests[0].PathAndQuery);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"__operator_name__":"doSavepoint","savepointPath":"hdfs:///flink/flink-savepoints/demo/orders/42","mode":"trigger"}"""),
            Linkis.Requests[0].Parameters));
        Assert.NotNull(state);
        Assert.Equal(JobStateKind.Savepoint, state.Kind);
        Assert.StartsWith("hdfs:///flink/flink-savepoints/demo/orders/42/savepoint-", state.Location);
        Assert.True(Linkis.Files.Exists(state.Location + "/_metadata"));
        Assert.True(Linkis.LastEngineConn.Killed);
    }

    [Fact]
    public async Task Stop_with_savepoint_uses_Flink_stop_mode_and_a_given_folder()
    {
        var handle = await LaunchAsync();

        var state = await Launcher.StopAsync(handle, StopMode.StopWithSavepoint, "hdfs:///backups/orders", None);

        Assert.Equal("stop", Linkis.RequestsTo(LinkisCalls.Savepoint)[0].Parameters!["mode"]!.GetValue<string>());
        Assert.StartsWith("hdfs:///backups/orders/savepoint-", state!.Location);
        Assert.Single(Linkis.RequestsTo(LinkisCalls.KillEngineConn));
    }

    [Fact]
    public async Task A_snapshot_does_not_stop_the_job()
    {
        var handle = await LaunchAsync();
        Reconfigure(("SavepointMode", "cancel"));

        var state = await Launcher.TriggerSavepointAsync(handle, null, None);

        Assert.Equal("trigger", Linkis.RequestsTo(LinkisCalls.Savepoint)[0].Parameters!["mode"]!.GetValue<string>());
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.KillEngineConn));
        Assert.Equal(StreamTaskStatus.Running, (await Launcher.GetStatusAsync(handle, None)).Status);
        Assert.True(Linkis.Files.Exists(state.Location + "/_metadata"));
    }

    [Fact]
    public async Task The_configured_savepoint_mode_is_used_for_snapshot_and_stop()
    {
        var handle = await LaunchAsync();
        Reconfigure(("SavepointMode", "cancel"));

        await Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, None);

        Assert.Equal("cancel", Linkis.RequestsTo(LinkisCalls.Savepoint)[0].Parameters!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stopping_a_job_that_has_ended_succeeds_without_a_savepoint()
    {
        var handle = await LaunchAsync();
        Linkis.LoseEngineConn(Linkis.LastEngineConn.Instance);

        Assert.Null(await Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, None));
        Assert.Null(await Launcher.StopAsync(handle, StopMode.Direct, null, None));
    }

    [Fact]
    public async Task Linkis_1_1_1_has_no_savepoints_and_says_so_without_calling_it()
    {
        var handle = await LaunchAsync();
        Reconfigure(("LinkisVersion", "1.1.1"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, None));

        Assert.Contains("Linkis 1.1.1 has no doSavepoint operation", error.Message);
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.Savepoint));
        Assert.False(Linkis.LastEngineConn.Killed);
    }

    [Fact]
    public async Task A_Linkis_that_lacks_the_operator_answers_with_its_own_error_which_is_passed_on()
    {
        Linkis.Options.LinkisVersion = "1.1.1";
        var handle = await LaunchAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.TriggerSavepointAsync(handle, null, None));

        Assert.Contains("Linkis could not run the operation doSavepoint", error.Message);
        Assert.Contains("Cannot find operator named doSavepoint", error.Message);
    }

    [Fact]
    public async Task A_savepoint_the_EngineConn_refuses_fails_the_stop_without_killing()
    {
        var handle = await LaunchAsync();
        Linkis.LastEngineConn.Status = "Success";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, None));

        Assert.Contains("is not running", error.Message);
        Assert.False(Linkis.LastEngineConn.Killed);
    }
}
