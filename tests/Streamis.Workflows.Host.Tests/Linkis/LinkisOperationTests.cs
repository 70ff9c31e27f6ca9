using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Host.Tests.Linkis;

/// <summary>
/// The built-in operations end to end through HTTP on the Linkis simulation, with the linkis plugin as it ships: the
/// calls Linkis receives, in Streamis' order, and what the caller and the task see when Linkis fails at each step.
/// </summary>
public sealed class LinkisOperationTests : IClassFixture<LinkisEngineHost>
{
    private readonly LinkisEngineHost host;
    private readonly HttpClient admin;

    public LinkisOperationTests(LinkisEngineHost host)
    {
        this.host = host;
        admin = host.Admin;
        host.Reset();
    }

    private LinkisSimulation Linkis => host.Linkis;

    private async Task<long> JobAsync(string name) => await admin.SqlJobAsync(await admin.ProjectAsync(), name);

    [Fact]
    public async Task Start_uploads_the_content_creates_the_EngineConn_polls_it_until_running_and_asks_for_its_YARN_application()
    {
        var jobId = await JobAsync("starts");

        var execute = await admin.ExecuteAsync(jobId);

        Assert.True((int)execute["status"]! == 0, execute.ToJsonString());
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
        var calls = host.CallSequence();
        // The state search comes first: the start-auto-restore switch is ON by default, and this job has no state yet.
        Assert.Equal([LinkisCalls.DirFileTrees, LinkisCalls.BmlUpload, LinkisCalls.CreateEngineConn, LinkisCalls.GetEngineConn, LinkisCalls.YarnApplication], calls.Take(5));
        Assert.Single(Linkis.RequestsTo(LinkisCalls.CreateEngineConn));
        Assert.All(Linkis.Requests.Where(r => !r.Call.StartsWith("yarn/", StringComparison.Ordinal)),
            r => Assert.Equal(Linkis.Options.TokenCode, r.Header("Token-Code")));
        var engineConn = Linkis.LastEngineConn;
        Assert.Equal("once", (string)engineConn.Labels["engineConnMode"]!);
        Assert.StartsWith("flink-", (string)engineConn.Labels["engineType"]!);
        Assert.Contains("insert into sink select * from source", Linkis.ExecutorContent(engineConn)["jobContent"]!.ToJsonString());
        Assert.False(engineConn.Properties.ContainsKey("flink.app.savePointPath"));
        Assert.Equal("Running", engineConn.Status);
    }

    [Fact]
    public async Task Snapshot_and_stop_savepoints_then_kills_and_recovery_launches_from_that_savepoint()
    {
        var jobId = await JobAsync("recovers");
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
        var first = Linkis.LastEngineConn;
        Linkis.ClearRequests();

        var stop = await admin.StopAsync(jobId, snapshot: true);

        Assert.True((int)stop["status"]! == 0, stop.ToJsonString());
        var savepoint = (string)stop["data"]!["path"]!;
        Assert.Equal([LinkisCalls.Savepoint, LinkisCalls.KillEngineConn], host.CallSequence().Where(c => c is LinkisCalls.Savepoint or LinkisCalls.KillEngineConn));
        Assert.True(first.Killed);
        Assert.Equal(7, await admin.StatusCodeAsync(jobId));
        var recorded = Assert.Single(await host.States.ListAsync(jobId), s => s.State.Kind == JobStateKind.Savepoint);
        Assert.Equal(savepoint, recorded.State.Location);

        var recover = await admin.StartAndWaitAsync("recover-from-savepoint", new { jobId, savepointPath = savepoint, user = "admin", checkPermission = false });

        Assert.True(recover.Status() == "Completed", recover.ToJsonString());
        Assert.Equal(savepoint, (string)recover["output"]!["restoredFrom"]!);
        var second = Linkis.LastEngineConn;
        Assert.NotEqual(first.Instance, second.Instance);
        Assert.Equal(savepoint, (string)second.Properties["flink.app.savePointPath"]!);
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_createEngineConn_Linkis_refuses_fails_the_task_with_Linkis_message_and_never_leaves_it_Starting()
    {
        var jobId = await JobAsync("refused");
        const string refusal = "Insufficient resources in queue root.streamis (队列资源不足)";
        Linkis.Inject(LinkisCalls.CreateEngineConn, LinkisFault.LinkisError(refusal));

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains(refusal, (string)execute["message"]!);
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.GetEngineConn));
        Assert.Equal("Faulted", (await admin.InstanceAsync((string)execute["data"]!["instanceId"]!)).Status());
    }

    [Fact]
    public async Task An_EngineConn_that_never_runs_is_killed_after_the_launch_timeout_and_the_task_ends_Failed()
    {
        var jobId = await JobAsync("never-runs");
        Linkis.Options.PollsUntilStarted = int.MaxValue;

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains("was still Starting after 3 s; it was killed", (string)execute["message"]!);
        Assert.True(Linkis.LastEngineConn.Killed);
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.YarnApplication));
    }

    [Fact]
    public async Task A_failing_doSavepoint_answers_the_reason_never_kills_and_the_task_runs_on()
    {
        var jobId = await JobAsync("savepoint-fails");
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
        const string reason = "Savepoint coordinator is shutting down";
        Linkis.Inject(LinkisCalls.Savepoint, LinkisFault.LinkisError(reason));

        var stop = await admin.StopAsync(jobId, snapshot: true);

        Assert.Equal(1, (int)stop["status"]!);
        Assert.StartsWith($"Fail to stop the StreamJob [{jobId}], reason: ", (string)stop["message"]!);
        Assert.Contains(reason, (string)stop["message"]!);
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.KillEngineConn));
        Assert.False(Linkis.LastEngineConn.Killed);
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
        Assert.DoesNotContain(await host.States.ListAsync(jobId), s => s.State.Kind == JobStateKind.Savepoint);
    }

    [Fact]
    public async Task The_monitor_marks_a_task_whose_EngineConn_Linkis_no_longer_knows_Failed()
    {
        var jobId = await JobAsync("lost");
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
        Linkis.LoseEngineConn(Linkis.LastEngineConn.Instance);

        var tick = await admin.StartAndWaitAsync("monitor");

        Assert.True(tick.Status() == "Completed", tick.ToJsonString());
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
        var status = await admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/status", new JsonObject { ["id_list"] = new JsonArray(jobId) });
        Assert.Contains("Not exists EngineConn", (string)status["data"]!["result"]![0]!["message"]!);
    }
}
