using System.Diagnostics;
using System.Globalization;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Plugins.Local.Tests;

/// <summary>Launch, status and stop as a workflow repeating itself after a crash, or a restarted host, sees them.</summary>
public sealed class LifecycleTests : LocalEngineTest
{
    [Fact]
    public async Task Launching_twice_with_one_execution_id_starts_one_process()
    {
        var request = Request(10, 1);
        var first = await LaunchAsync(request);
        var again = await LaunchAsync(request);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Get("pid"), again.Get("pid"));
        Assert.Equal(first.Get("startTime"), again.Get("startTime"));
        Assert.Equal("local", first.Engine);
        await UntilStatusAsync(first, StreamTaskStatus.Running);
    }

    [Fact]
    public async Task A_launch_without_a_task_id_takes_its_key_from_the_execution_and_is_idempotent_too()
    {
        var request = Request(10, 0, executionId: "run-without-task");
        var first = await LaunchAsync(request);
        var again = await LaunchAsync(request);

        Assert.Matches("^x[0-9a-f]{12}$", first.Id);
        Assert.Equal((first.Id, first.Get("pid")), (again.Id, again.Get("pid")));
        await Launcher.StopAsync(first, StopMode.Direct, null, CancellationToken.None);
    }

    [Fact]
    public async Task Launching_a_launched_task_under_another_execution_is_refused()
    {
        await LaunchAsync(Request(11, 1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LaunchAsync(Request(11, 1, executionId: "another")));
        Assert.Contains("already launched by execution launch-11-1", error.Message);
    }

    [Fact]
    public async Task A_second_task_cannot_start_while_another_task_of_the_job_writes_its_output()
    {
        var first = await LaunchAsync(Request(12, 1));
        await UntilStatusAsync(first, StreamTaskStatus.Running);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LaunchAsync(Request(12, 2)));
        Assert.Contains("failed to start", error.Message);
        Assert.Contains("Another task of job 12 is writing", error.Message);
        Assert.Equal(StreamTaskStatus.Running, (await StatusAsync(first)).Status);
    }

    [Fact]
    public async Task A_new_launcher_instance_reconnects_to_a_running_task_and_can_snapshot_and_stop_it()
    {
        var handle = await LaunchAsync(Request(13, 1));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);

        // What a restarted host has: the handle from its database, and fresh connector instances.
        var stored = new JobHandle(handle.Engine, handle.Id, new Dictionary<string, string>(handle.Properties));
        var restarted = new LocalJobLauncher(CreateOptions());
        var report = await restarted.GetStatusAsync(stored, CancellationToken.None);
        Assert.Equal(StreamTaskStatus.Running, report.Status);
        Assert.True(Metric(report, "lastSequence") > 0);

        var savepoint = await restarted.TriggerSavepointAsync(stored, null, CancellationToken.None);
        Assert.True(File.Exists(savepoint.Location));
        var stopped = await restarted.StopAsync(stored, StopMode.StopWithSavepoint, null, CancellationToken.None);
        Assert.NotNull(stopped);
        Assert.Equal(StreamTaskStatus.Stopped, (await Launcher.GetStatusAsync(handle, CancellationToken.None)).Status);
        Assert.False(IsAlive(handle));
    }

    [Fact]
    public async Task A_task_whose_process_died_unexpectedly_is_failed()
    {
        var handle = await LaunchAsync(Request(14, 1));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);

        using (var process = Process.GetProcessById(int.Parse(handle.Get("pid")!, CultureInfo.InvariantCulture)))
        {
            process.Kill();
        }

        var report = await UntilStatusAsync(handle, StreamTaskStatus.Failed);
        Assert.Contains("ended without recording why", report.Message);
        Assert.Null(await Launcher.StopAsync(handle, StopMode.Direct, null, CancellationToken.None));
        Assert.Equal(StreamTaskStatus.Failed, (await StatusAsync(handle)).Status);
    }

    [Fact]
    public async Task Stopping_a_stopped_task_succeeds_and_a_repeated_snapshot_and_stop_returns_the_first_savepoint()
    {
        var handle = await LaunchAsync(Request(15, 1));
        await UntilStatusAsync(handle, StreamTaskStatus.Running);

        var first = await Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, CancellationToken.None);
        var repeated = await Launcher.StopAsync(handle, StopMode.SavepointThenStop, null, CancellationToken.None);
        var direct = await Launcher.StopAsync(handle, StopMode.Direct, null, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first.Location, repeated?.Location);
        Assert.Null(direct);
        var report = await StatusAsync(handle);
        Assert.Equal(StreamTaskStatus.Stopped, report.Status);
        Assert.Contains(first.Location, report.Message);
    }

    [Fact]
    public async Task A_savepoint_of_a_task_that_is_not_running_is_refused()
    {
        var handle = await LaunchAsync(Request(16, 1));
        await Launcher.StopAsync(handle, StopMode.Direct, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Launcher.TriggerSavepointAsync(handle, null, CancellationToken.None));
        Assert.Contains("is not running (Stopped)", error.Message);
    }

    [Fact]
    public async Task A_task_that_has_written_no_event_yet_is_starting()
    {
        var handle = await LaunchAsync(Request(17, 1, """{"rate": 0.05}"""));

        var report = await StatusAsync(handle);
        Assert.Equal(StreamTaskStatus.Starting, report.Status);
        Assert.Equal(0, Metric(report, "eventsWritten"));
        await Launcher.StopAsync(handle, StopMode.Direct, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_bounded_stream_completes_after_its_last_event()
    {
        var handle = await LaunchAsync(Request(18, 1, """{"rate": 200, "maxEvents": 30}"""));

        var report = await UntilStatusAsync(handle, StreamTaskStatus.Completed);
        Assert.Contains("reached event 30", report.Message);
        var events = ReadOutput(handle);
        AssertExactlyOnce(events);
        Assert.Equal(30, events.Count);
    }

    [Fact]
    public async Task A_savepoint_request_that_is_not_answered_in_time_fails_as_transient()
    {
        // A live process that is not a runner: it never answers, and it must not be stopped (it is this test run).
        using var self = Process.GetCurrentProcess();
        var workDir = Path.Combine(DataDirectory, "jobs", "19", "tasks", "1");
        Directory.CreateDirectory(workDir);
        var handle = new JobHandle("local", "1", new Dictionary<string, string>
        {
            ["jobId"] = "19",
            ["pid"] = self.Id.ToString(CultureInfo.InvariantCulture),
            ["startTime"] = self.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["workDir"] = workDir,
            ["output"] = Path.Combine(DataDirectory, "jobs", "19", "output", "events.txt"),
            ["checkpoints"] = Path.Combine(DataDirectory, "jobs", "19", "checkpoints", "1"),
            ["savepoints"] = Path.Combine(DataDirectory, "jobs", "19", "savepoints", "1"),
        });
        var impatient = new LocalJobLauncher(CreateOptions(commandTimeout: TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<TransientException>(() => impatient.TriggerSavepointAsync(handle, null, CancellationToken.None));
        Assert.Contains("did not answer the savepoint request within 0.3 s", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(workDir, "control")));
    }

    [Fact]
    public async Task A_handle_of_another_engine_is_refused()
    {
        var handle = new JobHandle("linkis-flink", "42", new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Launcher.GetStatusAsync(handle, CancellationToken.None));
        Assert.Contains("engine 'linkis-flink'", error.Message);
    }

    private static bool IsAlive(JobHandle handle) => Protocol.ProcessIdentity.IsAlive(
        int.Parse(handle.Get("pid")!, CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(handle.Get("startTime")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
