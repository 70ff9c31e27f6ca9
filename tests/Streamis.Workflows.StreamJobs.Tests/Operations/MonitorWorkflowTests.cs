using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>
/// The monitor tick and auto-restart on a clock that skips every wait: a back-off of minutes passes at once, and the
/// clock reads as if it had, so the waits themselves are measured.
/// </summary>
public sealed class MonitorWorkflowTests
{
    private static readonly (string, string) RestartOn = (ConfigKeys.FailRestartSwitch, "ON");

    [Fact]
    public async Task A_failed_job_is_alerted_restarted_from_its_newest_state_backed_off_and_given_up_on_after_the_limit()
    {
        await using var host = await OperationsHost.CreateAsync(o =>
        {
            o.AutoRestart.MaxRestarts = 3;
            o.AutoRestart.InitialBackoff = TimeSpan.FromSeconds(10);
            o.AutoRestart.BackoffFactor = 2;
        });
        var jobId = await host.JobAsync("orders", RestartOn);
        var first = await host.RunAsync("start", new { jobId, user = "alice" });
        var taskId = (long)first.Outputs["taskId"]!;
        var savepoint = (string)(await host.RunAsync("snapshot", new { jobId, user = "alice" })).Outputs["savepointPath"]!;
        host.Engine.Script(jobId, LaunchScript.FailBeforeRunning);
        host.Engine.Crash(taskId);
        var detected = host.Clock.GetUtcNow();

        var tick = await host.RunAsync("monitor", new { });
        var restart = await host.Starter.Runs[$"auto-restart-{taskId}"];

        Assert.Equal(WorkflowStatus.Completed, tick.Status);
        Assert.Equal(1L, tick.Outputs["polled"]);
        Assert.True(restart.Status == WorkflowStatus.Completed, string.Join("; ", restart.Incidents.Select(i => i.Message)));
        Assert.Equal(false, restart.Outputs["restarted"]);
        Assert.Equal(3L, restart.Outputs["attempts"]);
        var restarts = host.Engine.LaunchTimes.Skip(1).Select(l => l.At).ToList();
        Assert.Equal([detected + TimeSpan.FromSeconds(10), detected + TimeSpan.FromSeconds(30), detected + TimeSpan.FromSeconds(70)], restarts);
        Assert.All(host.Engine.Launches.Skip(1), l => Assert.Equal(savepoint, l.RestoreFrom));
        var tasks = await host.Get<TaskService>().ListAsync(jobId);
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(StreamTaskStatus.Failed, t.Status));

        Assert.Equal(2, host.Alerts.Sent.Count);
        var failed = host.Alerts.Sent[0];
        Assert.Equal("Stream job failed", failed.Title);
        Assert.Contains($"Stream job p1.orders (job {jobId}, task {taskId}, application application_{taskId}) has failed: {ScriptedEngine.FailureMessage}.", failed.Message);
        Assert.Contains("It is being restarted automatically", failed.Message);
        var gaveUp = host.Alerts.Sent[1];
        Assert.Equal("Stream job restarts stopped", gaveUp.Title);
        Assert.Contains($"Stream job p1.orders (job {jobId}) keeps failing: 4 failures within 01:00:00.", gaveUp.Message);
        Assert.Contains("Automatic restarts have stopped after 3", gaveUp.Message);
        Assert.Equal(["alice"], gaveUp.Users);
    }

    [Fact]
    public async Task A_restart_that_runs_ends_the_auto_restart_and_a_later_tick_does_not_restart_the_same_failure_again()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders", RestartOn);
        var first = await host.RunAsync("start", new { jobId, user = "alice" });
        var taskId = (long)first.Outputs["taskId"]!;
        host.Engine.Crash(taskId);

        await host.RunAsync("monitor", new { });
        var restart = await host.Starter.Runs[$"auto-restart-{taskId}"];
        var again = await host.RunAsync("monitor", new { });

        Assert.Equal(true, restart.Outputs["restarted"]);
        var running = await host.Get<TaskService>().GetLatestAsync(jobId);
        Assert.Equal(StreamTaskStatus.Running, running!.Status);
        Assert.Equal(restart.Outputs["taskId"], running.Id);
        Assert.Equal("alice", running.SubmitUser);
        Assert.Equal(1L, again.Outputs["polled"]);
        Assert.Single(host.Starter.Runs);
        Assert.Single(host.Alerts.Sent);
    }

    [Fact]
    public async Task With_fail_restart_off_a_failure_is_recorded_and_alerted_but_not_restarted()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders");
        var taskId = (long)(await host.RunAsync("start", new { jobId, user = "alice" })).Outputs["taskId"]!;
        host.Engine.Crash(taskId);

        await host.RunAsync("monitor", new { });

        var task = await host.Get<TaskService>().FindAsync(taskId);
        Assert.Equal(StreamTaskStatus.Failed, task!.Status);
        Assert.Equal(ScriptedEngine.FailureMessage, task.ErrDesc);
        Assert.Contains("Fail-restart is off for this job", Assert.Single(host.Alerts.Sent).Message);
        Assert.Empty(host.Starter.Runs);
    }

    [Fact]
    public async Task An_engine_that_cannot_be_reached_raises_an_alert_and_leaves_the_task_as_it_was()
    {
        await using var host = await OperationsHost.CreateAsync();
        var jobId = await host.JobAsync("orders", RestartOn);
        var taskId = (long)(await host.RunAsync("start", new { jobId, user = "alice" })).Outputs["taskId"]!;
        host.Engine.Unreachable = true;

        var tick = await host.RunAsync("monitor", new { });

        Assert.Equal(1L, tick.Outputs["unreachable"]);
        Assert.Equal(StreamTaskStatus.Running, (await host.Get<TaskService>().FindAsync(taskId))!.Status);
        var alert = Assert.Single(host.Alerts.Sent);
        Assert.Equal("Engine unreachable", alert.Title);
        Assert.Contains("connection refused", alert.Message);
        Assert.Empty(host.Starter.Runs);
    }

    [Fact]
    public async Task Tasks_stuck_in_Starting_or_Stopping_are_reconciled_with_the_engine()
    {
        await using var host = await OperationsHost.CreateAsync(o => o.Monitor.StuckAfter = TimeSpan.FromMinutes(10));
        var tasks = host.Get<TaskService>();
        var abandoned = await host.JobAsync("abandoned");
        var orphan = (await tasks.CreateTaskAsync(abandoned, "alice")).Task!;
        var stopping = await host.JobAsync("stopping");
        var running = (long)(await host.RunAsync("start", new { jobId = stopping, user = "alice" })).Outputs["taskId"]!;
        await tasks.TransitionAsync(running, [StreamTaskStatus.Running], StreamTaskStatus.Stopping);

        var early = await host.RunAsync("monitor", new { });
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        await host.RunAsync("monitor", new { });

        Assert.Equal(0L, early.Outputs["polled"]);
        var failed = await tasks.FindAsync(orphan.Id);
        Assert.Equal(StreamTaskStatus.Failed, failed!.Status);
        Assert.Contains("was left in Starting without an engine handle", failed.ErrDesc);
        var back = await tasks.FindAsync(running);
        Assert.Equal(StreamTaskStatus.Running, back!.Status);
        Assert.Equal("the stop did not finish: the job still runs", back.ErrDesc);
    }
}
