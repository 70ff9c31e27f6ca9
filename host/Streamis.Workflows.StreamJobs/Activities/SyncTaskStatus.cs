using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Brings a task's recorded status in line with what its engine says: a running job that ended is recorded as ended
/// (Failed with the engine's message), a task left in Starting or Stopping takes the engine's view, and one that never
/// got an engine handle is Failed. Outcome Failed only for the step that recorded the failure, so one failure is
/// reported once even when two monitor ticks overlap.
/// </summary>
[Activity(Category.StreamJobs, "Sync task status", Description = "Asks the engine about a task and records a change; outcome Failed when the task has just failed.",
    Outcomes = ["Unchanged", "Changed", "Failed"], Icon = "refresh-cw")]
public sealed class SyncTaskStatus : Activity
{
    [Input(Description = "The task", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Output(Description = "The task's job")]
    public Output<long> JobId { get; set; } = default!;

    [Output(Description = "The job's name")]
    public Output<string?> JobName { get; set; } = default!;

    [Output(Description = "The job's project")]
    public Output<string?> ProjectName { get; set; } = default!;

    [Output(Description = "The status recorded before")]
    public Output<string> PreviousStatus { get; set; } = default!;

    [Output(Description = "The status recorded now")]
    public Output<string> Status { get; set; } = default!;

    [Output(Description = "What the engine said (why the job failed)")]
    public Output<string?> Message { get; set; } = default!;

    [Output(Description = "The engine's application id, if it has one")]
    public Output<string?> ApplicationId { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var taskId = context.Get(TaskId);
        var tasks = context.Get<TaskService>();
        var task = await tasks.FindAsync(taskId, ct) ?? throw TaskLookup.NotFound(taskId);
        context.Set(JobId, task.JobId);
        context.Set(PreviousStatus, task.Status.ToString());
        context.Set(Status, task.Status.ToString());
        if (task.IsCompleted) return Outcome("Unchanged");

        StreamTaskStatus target;
        string? message;
        if (task.Handle is not { } handle)
        {
            target = StreamTaskStatus.Failed;
            message = $"StreamTask [{taskId}] was left in {task.Status} without an engine handle: its launch never finished (the host stopped meanwhile?)";
        }
        else
        {
            var report = await context.Get<JobEngines>().Launcher(handle.Engine).GetStatusAsync(handle, ct);
            context.Set(ApplicationId, report.ApplicationId);
            (target, message) = Reconcile(task.Status, report);
        }
        if (target == task.Status) return Outcome("Unchanged");

        var moved = await tasks.TransitionAsync(taskId, [task.Status], target, message, ct);
        if (moved is null) return Outcome("Unchanged");
        var job = await context.Get<JobService>().FindAsync(task.JobId, ct);
        context.Set(JobName, job?.Name);
        context.Set(ProjectName, job?.ProjectName);
        context.Set(Status, target.ToString());
        context.Set(Message, message);
        context.Log($"StreamTask [{taskId}] of {job?.ProjectName}.{job?.Name}: {task.Status} -> {target}{(message is null ? "" : $" ({message})")}",
            target == StreamTaskStatus.Failed ? LogSeverity.Warning : LogSeverity.Information);
        return Outcome(target == StreamTaskStatus.Failed ? "Failed" : "Changed");
    }

    /// <summary>The status to record, given what is recorded and what the engine reports.</summary>
    private static (StreamTaskStatus Status, string? Message) Reconcile(StreamTaskStatus recorded, JobStatusReport report)
    {
        if (TaskStatuses.IsCompleted(report.Status)) return (report.Status, report.Message);
        if (TaskStatuses.IsRunning(report.Status))
            return recorded switch
            {
                StreamTaskStatus.Starting => (StreamTaskStatus.Running, null),
                StreamTaskStatus.Stopping => (StreamTaskStatus.Running, "the stop did not finish: the job still runs"),
                _ => (recorded, null),
            };
        // The engine says Starting or Stopping: it is on its way, leave the record as it is.
        return (recorded, null);
    }
}
