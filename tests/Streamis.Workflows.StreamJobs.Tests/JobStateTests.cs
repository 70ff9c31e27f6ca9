using System.Text.Json.Nodes;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class JobStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs a task to completion, recording the given states; returns its id.</summary>
    private static async Task<long> RunTaskAsync(Domain domain, long jobId, params JobState[] states)
    {
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        foreach (var state in states) await domain.States.RecordAsync(task.Id, state);
        await domain.Tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Failed);
        return task.Id;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Restore_takes_the_newest_state_across_all_previous_tasks_not_only_the_last(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        await RunTaskAsync(domain, jobId, new JobState(JobStateKind.Savepoint, "hdfs:///sp/1/_metadata", T0.AddMinutes(1)));
        var second = await RunTaskAsync(domain, jobId, new JobState(JobStateKind.Savepoint, "hdfs:///sp/2/_metadata", T0.AddMinutes(5)));
        // Streamis #63: the third run died before writing any state; restoring from "the last task" would find nothing.
        await RunTaskAsync(domain, jobId);

        var chosen = await domain.States.ChooseRestoreStateAsync(jobId);
        Assert.Equal("hdfs:///sp/2/_metadata", chosen!.State.Location);
        Assert.Equal(second, chosen.TaskId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Checkpoints_count_only_when_the_checkpoint_switch_is_on(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        await RunTaskAsync(domain, jobId,
            new JobState(JobStateKind.Savepoint, "hdfs:///sp/1/_metadata", T0.AddMinutes(1)),
            new JobState(JobStateKind.Checkpoint, "hdfs:///ck/1/chk-7/_metadata", T0.AddMinutes(3)));
        await RunTaskAsync(domain, jobId, new JobState(JobStateKind.Checkpoint, "hdfs:///ck/2/chk-2/_metadata", T0.AddMinutes(9)));

        Assert.Equal("hdfs:///sp/1/_metadata", (await domain.States.ChooseRestoreStateAsync(jobId))!.State.Location);

        var on = new JsonObject { [ConfigKeys.ProduceGroup] = new JsonObject { [ConfigKeys.CheckpointSwitch] = "ON" } };
        Assert.True((await domain.Config.SaveJsonAsync(jobId, on)).Saved);
        var chosen = (await domain.States.ChooseRestoreStateAsync(jobId))!;
        Assert.Equal((JobStateKind.Checkpoint, "hdfs:///ck/2/chk-2/_metadata"), (chosen.State.Kind, chosen.State.Location));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task No_state_means_start_fresh_and_states_of_the_new_task_are_not_used(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        Assert.Null(await domain.States.ChooseRestoreStateAsync(jobId));

        var previous = await RunTaskAsync(domain, jobId, new JobState(JobStateKind.Savepoint, "hdfs:///sp/old/_metadata", T0));
        var current = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        await domain.States.RecordAsync(current.Id, new JobState(JobStateKind.Savepoint, "hdfs:///sp/new/_metadata", T0.AddHours(1)));
        Assert.Equal(previous, (await domain.States.ChooseRestoreStateAsync(jobId, beforeTaskId: current.Id))!.TaskId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Recording_the_same_state_twice_keeps_one_row(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var task = (await domain.Tasks.CreateTaskAsync(jobId, "alice")).Task!;
        var state = new JobState(JobStateKind.Savepoint, "hdfs:///sp/x/_metadata", T0);
        var first = await domain.States.RecordAsync(task.Id, state);
        var again = await domain.States.RecordAsync(task.Id, state);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(await domain.States.ListAsync(jobId));
        await Assert.ThrowsAsync<Models.StreamJobsException>(() => domain.States.RecordAsync(task.Id, state with { Location = "" }));
    }
}
