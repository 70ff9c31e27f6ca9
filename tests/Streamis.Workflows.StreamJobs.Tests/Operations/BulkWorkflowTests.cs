using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>Bulk start, stop and restart: a result per job, and one job's failure never stopping the others.</summary>
public sealed class BulkWorkflowTests
{
    [Fact]
    public async Task Bulk_start_gives_each_job_its_result_and_a_refused_launch_fails_only_that_job()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobs = new List<long>();
        for (var i = 0; i < 5; i++) jobs.Add(await host.JobAsync($"job{i}"));
        host.Engine.Script(jobs[1], LaunchScript.Refuse);
        host.Engine.Script(jobs[3], LaunchScript.FailBeforeRunning);

        var run = await host.RunAsync("bulk-start", new { jobIds = jobs.Append(987654L).ToArray(), parallelism = 2, user = "alice" });

        Assert.Equal(WorkflowStatus.Completed, run.Status);
        Assert.Equal(6L, run.Outputs["total"]);
        Assert.Equal(3L, run.Outputs["succeeded"]);
        Assert.Equal(3L, run.Outputs["failed"]);
        var bulk = await host.Get<BulkRunService>().GetAsync(run.State.InstanceId);
        Assert.Equal([BulkItemStatus.Succeeded, BulkItemStatus.Failed, BulkItemStatus.Succeeded, BulkItemStatus.Failed, BulkItemStatus.Succeeded, BulkItemStatus.Failed],
            bulk!.Items.Select(i => i.Status));
        Assert.Contains(ScriptedEngine.RefusalMessage, bulk.Items[1].Message);
        Assert.Contains(ScriptedEngine.FailureMessage, bulk.Items[3].Message);
        Assert.Equal("StreamJob [987654] does not exist", bulk.Items[5].Message);
        Assert.All(bulk.Items.Take(5), i => Assert.Equal($"job{i.Position}", i.JobName));
        foreach (var item in bulk.Items.Where(i => i.Status == BulkItemStatus.Succeeded))
            Assert.Equal(StreamTaskStatus.Running, (await host.Get<TaskService>().FindAsync(item.TaskId!.Value))!.Status);
        var report = (string)run.Outputs["report"]!;
        Assert.StartsWith("Bulk start: 3 of 6 job(s) succeeded, 3 failed.", report);
        Assert.Contains("| 6 | 987654 |  | Failed |  | StreamJob [987654] does not exist |", report);
    }

    [Fact]
    public async Task Bulk_stop_with_snapshot_reports_each_savepoint_and_a_failed_stop_leaves_that_job_running()
    {
        await using var host = await OperationsHost.CreateAsync();
        var a = await host.JobAsync("a");
        var b = await host.JobAsync("b");
        await host.RunAsync("start", new { jobId = a, user = "alice" });
        await host.RunAsync("start", new { jobId = b, user = "alice" });
        host.Engine.FailStops(b);

        var run = await host.RunAsync("bulk-stop", new { jobIds = new[] { a, b }, snapshot = true, user = "alice" });

        var bulk = await host.Get<BulkRunService>().GetAsync(run.State.InstanceId);
        Assert.Equal(BulkItemStatus.Succeeded, bulk!.Items[0].Status);
        Assert.Contains("savepoint-", bulk.Items[0].SavepointPath);
        Assert.Equal(BulkItemStatus.Failed, bulk.Items[1].Status);
        Assert.Contains(ScriptedEngine.StopFailure, bulk.Items[1].Message);
        Assert.Equal(StreamTaskStatus.Stopped, (await host.Get<TaskService>().GetLatestAsync(a))!.Status);
        Assert.Equal(StreamTaskStatus.Running, (await host.Get<TaskService>().GetLatestAsync(b))!.Status);
    }

    [Fact]
    public async Task Bulk_restart_stops_with_a_snapshot_and_starts_again_from_it()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobs = new[] { await host.JobAsync("a"), await host.JobAsync("b"), await host.JobAsync("c") };
        foreach (var job in jobs) await host.RunAsync("start", new { jobId = job, user = "alice" });

        var run = await host.RunAsync("bulk-restart", new { jobIds = jobs, snapshot = true, user = "alice" });

        Assert.Equal(3L, run.Outputs["succeeded"]);
        var bulk = await host.Get<BulkRunService>().GetAsync(run.State.InstanceId);
        foreach (var item in bulk!.Items)
        {
            var tasks = await host.Get<TaskService>().ListAsync(item.JobId!.Value);
            Assert.Equal([StreamTaskStatus.Running, StreamTaskStatus.Stopped], tasks.Select(t => t.Status));
            Assert.Equal(tasks[0].Id, item.TaskId);
            Assert.Equal(item.SavepointPath, host.Engine.Launches.Last(l => l.JobId == item.JobId).RestoreFrom);
        }
    }

    [Fact]
    public async Task Bulk_start_in_task_mode_restores_each_job_from_the_state_of_the_task_named()
    {
        await using var host = await OperationsHost.CreateAsync();
        var job = await host.JobAsync("a");
        var first = await host.RunAsync("start", new { jobId = job, user = "alice" });
        var snapshot = await host.RunAsync("snapshot-and-stop", new { jobId = job, user = "alice" });
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync("start", new { jobId = job, user = "alice", restore = false });
        await host.RunAsync("snapshot-and-stop", new { jobId = job, user = "alice" });

        var run = await host.RunAsync("bulk-start", new { taskIds = new[] { first.Outputs["taskId"] }, restore = true, user = "alice" });

        Assert.Equal(1L, run.Outputs["succeeded"]);
        Assert.Equal(snapshot.Outputs["savepointPath"], host.Engine.Launches.Last().RestoreFrom);
    }

    [Fact]
    public async Task A_bulk_run_with_bad_ids_is_refused_naming_the_input()
    {
        await using var host = await OperationsHost.CreateAsync();

        var both = await host.RunAsync("bulk-start", new { jobIds = new[] { 1 }, taskIds = new[] { 2 } });
        var negative = await host.RunAsync("bulk-stop", new { jobIds = new object[] { 1, -3 } });

        Assert.Equal("give either jobIds or taskIds, not both and not neither", both.Incidents.Single().Message);
        Assert.Equal("jobIds[1] must be a positive whole number, not -3", negative.Incidents.Single().Message);
    }
}
