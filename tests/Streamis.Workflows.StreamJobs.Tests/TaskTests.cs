using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class TaskTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Twenty_concurrent_starts_of_one_job_create_exactly_one_task(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();

        using var gate = new ManualResetEventSlim();
        var starts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            gate.Wait();
            return await domain.Tasks.CreateTaskAsync(jobId, $"user{i}");
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(starts);

        var winner = Assert.Single(results, r => r.Started);
        var refusals = results.Where(r => !r.Started).ToList();
        Assert.Equal(19, refusals.Count);
        Assert.All(refusals, r => Assert.Contains($"job {jobId} already has task {winner.Task!.Id} in status 8", r.Refusal));
        Assert.Single(await domain.Tasks.ListAsync(jobId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_task_starts_once_the_previous_one_completed(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var first = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        Assert.Equal(StreamTaskStatus.Starting, first.Status);
        Assert.Equal("v00001", first.Version);

        await domain.Tasks.UpdateStatusAsync(first.Id, StreamTaskStatus.Running);
        var refused = await domain.Tasks.CreateTaskAsync(jobId, "alice");
        Assert.False(refused.Started);
        Assert.Equal(first.Id, refused.BlockingTaskId);
        Assert.Contains("status 5 (running)", refused.Refusal);

        await domain.Tasks.UpdateStatusAsync(first.Id, StreamTaskStatus.Stopped, "stopped by alice");
        var second = await domain.Tasks.CreateTaskAsync(jobId, "alice");
        Assert.True(second.Started);
        Assert.Equal(StreamTaskStatus.Stopped, (await domain.Tasks.FindAsync(first.Id))!.Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_completed_task_is_final(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Failed, "boom");
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Running));
        Assert.Equal(StreamJobsErrorKind.Conflict, e.Kind);
        Assert.Equal("boom", (await domain.Tasks.FindAsync(task.Id))!.ErrDesc);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Conditional_transition_only_moves_from_the_expected_status(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Running);

        // The launch error handler: Failed only if still Starting — the task is Running, so nothing changes.
        Assert.Null(await domain.Tasks.TransitionAsync(task.Id, [StreamTaskStatus.Starting], StreamTaskStatus.Failed, "late error"));
        var stopping = await domain.Tasks.TransitionAsync(task.Id, [StreamTaskStatus.Running], StreamTaskStatus.Stopping);
        Assert.Equal(StreamTaskStatus.Stopping, stopping!.Status);
        var stopped = await domain.Tasks.TransitionAsync(task.Id, [StreamTaskStatus.Stopping], StreamTaskStatus.Stopped);
        Assert.Equal(StreamTaskStatus.Stopped, stopped!.Status);
        Assert.True((await domain.Tasks.CreateTaskAsync(jobId, "alice")).Started);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Engine_handle_is_kept_with_the_task(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        await domain.Tasks.SetEngineHandleAsync(task.Id, new JobHandle("linkis-flink", "5_7_abcdeappname", new Dictionary<string, string> { ["applicationId"] = "application_1" }));
        var read = await domain.Tasks.FindAsync(task.Id);
        Assert.Equal("5_7_abcdeappname", read!.Handle!.Id);
        Assert.Equal("application_1", read.Handle.Get("applicationId"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Tasks_stuck_in_Starting_or_Stopping_are_found_for_recovery(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var starting = (await domain.Tasks.CreateTaskAsync(await domain.CreateJobAsync("a"), "alice")).Task!;
        var running = (await domain.Tasks.CreateTaskAsync(await domain.CreateJobAsync("b"), "alice")).Task!;
        await domain.Tasks.UpdateStatusAsync(running.Id, StreamTaskStatus.Running);
        Assert.Empty(await domain.Tasks.ListStuckAsync(TimeSpan.FromMinutes(5)));
        var stuck = await domain.Tasks.ListStuckAsync(TimeSpan.FromMilliseconds(-1000));
        Assert.Equal(starting.Id, Assert.Single(stuck).Id);
    }

    [Fact]
    public void Status_texts_match_Streamis_and_unknown_codes_are_30351()
    {
        Assert.Equal("running", TaskStatuses.Describe(5));
        Assert.Equal("Stopping", TaskStatuses.Describe(9));
        var e = Assert.Throws<StreamJobsException>(() => TaskStatuses.Describe(10));
        Assert.Equal(ErrorCodes.UnknownStatus, e.Code);
        Assert.True(TaskStatuses.IsCompleted(StreamTaskStatus.Stopped));
        Assert.False(TaskStatuses.IsCompleted(StreamTaskStatus.Stopping));
    }
}
