using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Stops a task on its engine: directly, after a savepoint (Streamis' snapshot-and-stop), or with the engine's atomic
/// stop-with-savepoint. A savepoint taken is recorded as a state of the job. Stopping a job that already ended is a
/// success, so the step is safe to repeat.
/// </summary>
[Activity(Category.StreamJobs, "Stop job", Description = "Stops a task on its engine, optionally after a savepoint, and records the savepoint.", Icon = "square")]
public sealed class StopJob : Activity
{
    [Input(Description = "The task to stop", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Input(Description = "Direct (kill), SavepointThenStop (snapshot and stop) or StopWithSavepoint (the engine's atomic stop)", Default = "Direct")]
    public Input<StopMode> Mode { get; set; } = default!;

    [Input(Description = "Folder for the savepoint; empty takes the task's savepoint folder")]
    public Input<string?> SavepointDirectory { get; set; } = default!;

    [Output(Description = "Where the savepoint was written (null for a direct stop)")]
    public Output<string?> SavepointPath { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var taskId = context.Get(TaskId);
        var task = await context.Get<TaskService>().FindAsync(taskId, ct) ?? throw TaskLookup.NotFound(taskId);
        var handle = task.Handle ?? throw TaskLookup.NoHandle(task);
        var directory = context.Get(SavepointDirectory);
        var states = context.Get<JobStateService>();
        JobState? state;
        try
        {
            state = await context.Get<JobEngines>().Launcher(handle.Engine)
                .StopAsync(handle, context.Get(Mode), string.IsNullOrWhiteSpace(directory) ? null : directory.Trim(), ct);
        }
        catch (Exception e) when (SavepointTaken.Of(e) is { } taken)
        {
            // The savepoint was written before the stop failed: a state of the job all the same, restorable later.
            await states.RecordAsync(taskId, taken, ct);
            context.Log($"Savepoint {taken.Location} was written before the stop failed; it is recorded", LogSeverity.Warning);
            throw;
        }
        if (state is not null) await states.RecordAsync(taskId, state, ct);
        context.Set(SavepointPath, state?.Location);
        return Done();
    }
}
