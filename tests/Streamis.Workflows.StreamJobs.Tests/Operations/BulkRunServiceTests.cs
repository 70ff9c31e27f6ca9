using Streamis.Workflows.Persistence;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests.Operations;

/// <summary>Bulk progress and the task guard's execution ids, on both databases.</summary>
public sealed class BulkRunServiceTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_run_records_its_items_in_order_and_refuses_unknown_ids_at_once(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var runs = new BulkRunService(domain.Database, TimeProvider.System);
        var job = await domain.CreateJobAsync("a");
        var task = (await domain.Tasks.CreateTaskAsync(job, "alice")).Task!;

        var run = await runs.CreateAsync("run-1", "stop", [new BulkSubject(null, task.Id), new BulkSubject(null, 99999)]);
        var again = await runs.CreateAsync("run-1", "stop", [new BulkSubject(job, null)]);
        await runs.RecordAsync("run-1", 0, BulkItemStatus.Succeeded, "stopped", savepointPath: "/savepoints/1");
        var read = await runs.GetAsync("run-1");

        Assert.Equal([BulkItemStatus.Pending, BulkItemStatus.Failed], run.Items.Select(i => i.Status));
        Assert.Equal((job, "a", task.Id), (run.Items[0].JobId!.Value, run.Items[0].JobName, run.Items[0].TaskId!.Value));
        Assert.Equal("StreamTask [99999] does not exist", run.Items[1].Message);
        Assert.Equal(2, again.Total);
        Assert.Equal((2, 2, 1, 1), (read!.Total, read.Done, read.Succeeded, read.Failed));
        Assert.Equal(("stopped", "/savepoints/1", task.Id), (read.Items[0].Message, read.Items[0].SavepointPath, read.Items[0].TaskId!.Value));
        Assert.Null(await runs.GetAsync("run-2"));
        await Assert.ThrowsAsync<StreamJobsException>(() => runs.RecordAsync("run-1", 7, BulkItemStatus.Failed));
        await Assert.ThrowsAsync<StreamJobsException>(() => runs.CreateAsync("run-3", "pause", [new BulkSubject(job, null)]));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_task_create_repeated_by_the_same_instance_finds_its_own_task_and_another_instance_is_refused(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var job = await domain.CreateJobAsync("a");

        var first = await domain.Tasks.CreateTaskAsync(job, "alice", "instance:7");
        var repeat = await domain.Tasks.CreateTaskAsync(job, "alice", "instance:7");
        // A re-run after a crash may number its frames differently: the same instance is the same start.
        var renumbered = await domain.Tasks.CreateTaskAsync(job, "alice", "instance:8");
        var other = await domain.Tasks.CreateTaskAsync(job, "alice", "other-instance:7");

        Assert.Equal(first.Task!.Id, repeat.Task!.Id);
        Assert.Equal(first.Task.Id, renumbered.Task!.Id);
        Assert.False(other.Started);
        Assert.Equal(first.Task.Id, other.BlockingTaskId);
    }
}
