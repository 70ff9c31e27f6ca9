using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>The start workflow on a scripted engine: each way a start can go, and what is left behind.</summary>
public sealed class StartWorkflowTests
{
    [Fact]
    public async Task Start_creates_a_task_launches_it_and_records_it_running_with_its_handle()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");

        var run = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Completed, run.Status);
        var task = await host.Get<TaskService>().FindAsync((long)run.Outputs["taskId"]!);
        Assert.Equal(StreamTaskStatus.Running, task!.Status);
        Assert.Equal("alice", task.SubmitUser);
        Assert.Equal($"once-{task.Id}", task.Handle!.Id);
        Assert.Equal($"ticket-{task.Id}", task.Handle.Get("ticketId"));
        Assert.Equal($"application_{task.Id}", task.Handle.Get("applicationId"));
        Assert.Equal("Running", run.Outputs["status"]);
        Assert.Equal($"application_{task.Id}", run.Outputs["applicationId"]);
    }

    [Fact]
    public async Task A_refused_launch_ends_the_task_Failed_with_the_engines_message()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        host.Engine.Script(jobId, LaunchScript.Refuse);

        var run = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains(ScriptedEngine.RefusalMessage, run.Incidents.Single().Message);
        var task = await host.Get<TaskService>().GetLatestAsync(jobId);
        Assert.Equal(StreamTaskStatus.Failed, task!.Status);
        Assert.Contains(ScriptedEngine.RefusalMessage, task.ErrDesc);
    }

    [Fact]
    public async Task A_job_that_fails_before_running_ends_Failed_with_the_engines_message_not_stuck_in_Starting()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        host.Engine.Script(jobId, LaunchScript.FailBeforeRunning);

        var run = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains(ScriptedEngine.FailureMessage, run.Incidents.Single().Message);
        var task = await host.Get<TaskService>().GetLatestAsync(jobId);
        Assert.Equal(StreamTaskStatus.Failed, task!.Status);
        Assert.Equal(ScriptedEngine.FailureMessage, task.ErrDesc);
    }

    [Fact]
    public async Task A_job_that_never_runs_is_stopped_after_the_start_timeout_and_ends_Failed()
    {
        await using var host = await OperationsHost.CreateAsync(o => o.StartTimeout = TimeSpan.FromMinutes(3));
        var jobId = await host.JobAsync("orders");
        host.Engine.Script(jobId, LaunchScript.NeverRun);
        var began = host.Clock.GetUtcNow();

        var run = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("did not report running within 00:03:00", run.Incidents.Single().Message);
        Assert.InRange(host.Clock.GetUtcNow() - began, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
        var task = await host.Get<TaskService>().GetLatestAsync(jobId);
        Assert.Equal(StreamTaskStatus.Failed, task!.Status);
        Assert.Contains("the start was stopped", task.ErrDesc);
    }

    [Fact]
    public async Task A_second_start_while_the_first_task_runs_is_refused_naming_that_task()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var first = await host.RunAsync("start", new { jobId, user = "alice" });
        Assert.True(first.Status == WorkflowStatus.Completed, string.Join("; ", first.Incidents.Select(i => i.Message)));

        var second = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(WorkflowStatus.Faulted, second.Status);
        Assert.Contains($"already has task {first.Outputs["taskId"]}", second.Incidents.Single().Message);
        Assert.Single(await host.Get<TaskService>().ListAsync(jobId));
    }

    [Fact]
    public async Task A_user_without_edit_privilege_is_refused_before_any_task_exists()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");

        var run = await host.RunAsync("start", new { jobId, user = "carol" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("Have no permission to execute StreamJob", run.Incidents.Single().Message);
        Assert.Empty(await host.Get<TaskService>().ListAsync(jobId));
        Assert.Empty(host.Engine.Launches);
    }

    [Fact]
    public async Task Start_restores_the_newest_state_by_default_and_clears_the_one_shot_savepoint_path()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var older = host.Engine.AddSavepoint(jobId, host.Clock.GetUtcNow().AddHours(-2));
        var first = await host.RunAsync("start", new { jobId, user = "alice" });
        Assert.Equal(older.Location, first.Outputs["restoredFrom"]);
        var stop = await host.RunAsync("stop", new { jobId, snapshot = true, user = "alice" });
        var savepoint = (string)stop.Outputs["savepointPath"]!;

        await host.Get<JobConfigService>().SetValuesAsync(jobId, new Dictionary<string, string?> { [ConfigKeys.SavepointPath] = older.Location });
        var pinned = await host.RunAsync("start", new { jobId, user = "alice" });
        await host.RunAsync("stop", new { jobId, user = "alice" });
        var newest = await host.RunAsync("start", new { jobId, user = "alice" });

        Assert.Equal(older.Location, pinned.Outputs["restoredFrom"]);
        Assert.Null(await host.Get<JobConfigService>().GetValueAsync(jobId, ConfigKeys.SavepointPath));
        Assert.NotEqual(older.Location, savepoint);
        Assert.Equal(savepoint, newest.Outputs["restoredFrom"]);
        Assert.Equal([older.Location, older.Location, savepoint], host.Engine.Launches.Select(l => l.RestoreFrom));
    }
}
