using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>Stop, snapshot-and-stop, snapshot and recover-from-savepoint on a scripted engine.</summary>
public sealed class StopWorkflowTests
{
    [Fact]
    public async Task Snapshot_and_stop_returns_the_savepoint_path_records_it_and_stops_the_task()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var started = await host.RunAsync("start", new { jobId, user = "alice" });

        var run = await host.RunAsync("snapshot-and-stop", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Completed, run.Status);
        var path = (string)run.Outputs["savepointPath"]!;
        Assert.Contains("savepoint-", path);
        Assert.Equal(true, run.Outputs["stopped"]);
        var task = await host.Get<TaskService>().FindAsync((long)started.Outputs["taskId"]!);
        Assert.Equal(StreamTaskStatus.Stopped, task!.Status);
        Assert.Equal(path, Assert.Single(await host.Get<JobStateService>().ListAsync(jobId)).State.Location);
    }

    [Fact]
    public async Task Stopping_a_job_whose_task_already_ended_succeeds_without_a_path()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        await host.RunAsync("start", new { jobId, user = "alice" });
        await host.RunAsync("stop", new { jobId, user = "alice" });

        var again = await host.RunAsync("stop", new { jobId, snapshot = true, user = "alice" });

        Assert.Equal(WorkflowStatus.Completed, again.Status);
        Assert.Null(again.Outputs["savepointPath"]);
        Assert.Equal(false, again.Outputs["stopped"]);
    }

    [Fact]
    public async Task A_failed_stop_puts_the_task_back_to_Running_with_the_reason()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var started = await host.RunAsync("start", new { jobId, user = "alice" });
        host.Engine.FailStops(jobId);

        var run = await host.RunAsync("stop", new { jobId, snapshot = true, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal($"Fail to stop the StreamJob [{jobId}], reason: {ScriptedEngine.StopFailure}", run.Incidents.Single().Message);
        var task = await host.Get<TaskService>().FindAsync((long)started.Outputs["taskId"]!);
        Assert.Equal(StreamTaskStatus.Running, task!.Status);
        Assert.Contains(ScriptedEngine.StopFailure, task.ErrDesc);
    }

    [Fact]
    public async Task Snapshot_takes_a_savepoint_and_leaves_the_job_running_but_needs_a_running_task()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var never = await host.RunAsync("snapshot", new { jobId, user = "alice" });
        await host.RunAsync("start", new { jobId, user = "alice" });

        var run = await host.RunAsync("snapshot", new { jobId, user = "alice" });
        await host.RunAsync("stop", new { jobId, user = "alice" });
        var stopped = await host.RunAsync("snapshot", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, never.Status);
        Assert.Contains("has never run", never.Incidents.Single().Message);
        Assert.Equal(WorkflowStatus.Completed, run.Status);
        Assert.Contains("savepoint-", (string)run.Outputs["savepointPath"]!);
        Assert.Equal(WorkflowStatus.Faulted, stopped.Status);
        Assert.Contains("is Stopped; a snapshot needs a running task", stopped.Incidents.Single().Message);
    }

    [Fact]
    public async Task Recover_refuses_a_savepoint_that_does_not_exist_before_creating_a_task()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        const string missing = "hdfs:///flink/flink-savepoints/p1/orders/savepoint-gone/_metadata";

        var run = await host.RunAsync("recover-from-savepoint", new { jobId, savepointPath = missing, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal($"the savepoint or checkpoint '{missing}' does not exist for StreamJob [{jobId}] on engine 'linkis-flink'", run.Incidents.Single().Message);
        Assert.Empty(await host.Get<TaskService>().ListAsync(jobId));
    }

    [Fact]
    public async Task Recover_without_a_path_takes_the_newest_state_and_refuses_a_job_that_has_none()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var none = await host.RunAsync("recover-from-savepoint", new { jobId, user = "alice" });
        var state = host.Engine.AddSavepoint(jobId, host.Clock.GetUtcNow().AddMinutes(-5));

        var run = await host.RunAsync("recover-from-savepoint", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, none.Status);
        Assert.Equal($"StreamJob [{jobId}] has no savepoint or checkpoint to restore from", none.Incidents.Single().Message);
        Assert.Equal(WorkflowStatus.Completed, run.Status);
        Assert.Equal(state.Location, run.Outputs["restoredFrom"]);
        Assert.Equal(state.Location, Assert.Single(host.Engine.Launches).RestoreFrom);
    }
}
