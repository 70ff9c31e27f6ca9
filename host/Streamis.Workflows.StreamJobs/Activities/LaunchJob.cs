using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Hands a Starting task to its job's engine and records the engine handle; then the job's one-shot settings (the
/// savepoint path) are cleared, as Streamis meant to. A task that already has a handle was launched by an earlier run
/// of this step and is not launched again; the engine also knows the execution id. The handle is recorded as soon as
/// the engine accepts the job; a launch whose host died before that is handed to the engine as one that may already run.
/// </summary>
[Activity(Category.StreamJobs, "Launch job", Description = "Launches a Starting task on its engine and records the engine handle.", Icon = "rocket")]
public sealed class LaunchJob : Activity
{
    [Input(Description = "The task to launch (in Starting)", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Input(Description = "Savepoint or checkpoint to restore from")]
    public Input<string?> RestoreFrom { get; set; } = default!;

    [Output(Description = "The engine's id for the launched job")]
    public Output<string> EngineJobId { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var taskId = context.Get(TaskId);
        var tasks = context.Get<TaskService>();
        var task = await tasks.FindAsync(taskId, ct) ?? throw TaskLookup.NotFound(taskId);
        if (task.Handle is { } launched)
        {
            context.Set(EngineJobId, launched.Id);
            return Done();
        }
        if (task.Status != StreamTaskStatus.Starting)
            return Fault($"StreamTask [{taskId}] is {TaskStatuses.Describe((int)task.Status)}{(task.ErrDesc is null ? "" : $" ({task.ErrDesc})")}, not Starting; it is not launched");

        var request = await context.Get<EngineRequests>().LaunchAsync(task, context.Get(RestoreFrom), context.ExecutionId, ct) with
        {
            Launching = token => tasks.MarkLaunchingAsync(taskId, context.ExecutionId, token),
            Accepted = (accepted, token) => tasks.SetEngineHandleAsync(taskId, accepted, token),
            MayAlreadyRun = task.LaunchUnresolved,
        };
        var handle = await context.Get<JobEngines>().Launcher(task.EngineName).LaunchAsync(request, ct);
        await tasks.SetEngineHandleAsync(taskId, handle, ct);
        var cleared = await context.Get<JobConfigService>().ClearTemporaryValuesAsync(task.JobId, ct);
        context.Log($"Launched StreamTask [{taskId}] on engine {handle.Engine} as {handle.Id}" +
            (request.RestoreFrom is { } from ? $", restoring from {from}" : "") + (cleared > 0 ? $"; cleared {cleared} one-shot setting(s)" : ""));
        context.Set(EngineJobId, handle.Id);
        return Done();
    }
}
