using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>Takes a savepoint of a running task without stopping it, and records it as a state of the job.</summary>
[Activity(Category.StreamJobs, "Trigger savepoint", Description = "Takes a savepoint of a running task and records where it was written.", Icon = "camera")]
public sealed class TriggerSavepoint : Activity
{
    [Input(Description = "The running task", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Input(Description = "Folder to write it into; empty takes the task's savepoint folder")]
    public Input<string?> Directory { get; set; } = default!;

    [Output(Description = "Where the savepoint was written")]
    public Output<string> SavepointPath { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var taskId = context.Get(TaskId);
        var task = await context.Get<TaskService>().FindAsync(taskId, ct) ?? throw TaskLookup.NotFound(taskId);
        if (!TaskStatuses.IsRunning(task.Status))
            return Fault($"StreamTask [{taskId}] is {TaskStatuses.Describe((int)task.Status)}; a snapshot needs a running task");
        var handle = task.Handle ?? throw TaskLookup.NoHandle(task);
        var state = await context.Get<JobEngines>().Launcher(handle.Engine).TriggerSavepointAsync(handle, Blank(context.Get(Directory)), ct);
        if (string.IsNullOrWhiteSpace(state.Location)) return Fault("The response savepoint info is empty");
        await context.Get<JobStateService>().RecordAsync(taskId, state, ct);
        context.Set(SavepointPath, state.Location);
        return Done();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
