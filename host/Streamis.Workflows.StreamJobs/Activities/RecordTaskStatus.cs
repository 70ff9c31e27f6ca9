using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Moves a task to a status, only from the statuses listed (e.g. Failed only while it is still Starting), in one
/// conditional update, so racing steps cannot both move it. A completed task (Completed, Failed, Stopped) never moves.
/// </summary>
[Activity(Category.StreamJobs, "Record task status", Description = "Sets a task's status (and message) if it is in one of the expected statuses.", Icon = "edit")]
public sealed class RecordTaskStatus : Activity
{
    private static readonly StreamTaskStatus[] NotCompleted =
    [
        StreamTaskStatus.Starting, StreamTaskStatus.Stopping, StreamTaskStatus.WaitForRestart, StreamTaskStatus.AlertRunning,
        StreamTaskStatus.SlowRunning, StreamTaskStatus.Running,
    ];

    [Input(Description = "The task", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Input(Description = "The new status", Required = true)]
    public Input<StreamTaskStatus> Status { get; set; } = default!;

    [Input(Description = "Statuses it may move from (names or codes); empty means any that is not completed")]
    public Input<List<object?>?> From { get; set; } = default!;

    [Input(Description = "Message kept with the task (the error of a failure, the reason a stop failed)", UIHint = "multiline")]
    public Input<string?> Message { get; set; } = default!;

    [Input(Description = "The engine's application id (YARN application) to keep with the task's engine handle")]
    public Input<string?> ApplicationId { get; set; } = default!;

    [Input(Description = "Where to see the application, kept with the handle")]
    public Input<string?> ApplicationUrl { get; set; } = default!;

    [Output(Description = "Whether the task moved")]
    public Output<bool> Changed { get; set; } = default!;

    [Output(Description = "The task's status now")]
    public Output<string> Current { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var taskId = context.Get(TaskId);
        var status = context.Get(Status);
        if (status == StreamTaskStatus.NotStarted) return Fault("status NotStarted cannot be recorded on a task");
        var from = context.Get(From) is { Count: > 0 } listed ? listed.Select(Parse).ToList() : NotCompleted.ToList();
        var tasks = context.Get<TaskService>();
        var moved = await tasks.TransitionAsync(taskId, from, status, context.Get(Message), context.CancellationToken);
        var current = moved ?? await tasks.FindAsync(taskId, context.CancellationToken) ?? throw TaskLookup.NotFound(taskId);
        if (moved?.Handle is { } handle && Application(context) is { Count: > 0 } application)
        {
            var properties = new Dictionary<string, string>(handle.Properties);
            foreach (var (key, value) in application) properties[key] = value;
            await tasks.SetEngineHandleAsync(taskId, handle with { Properties = properties }, context.CancellationToken);
        }
        context.Set(Changed, moved is not null);
        context.Set(Current, current.Status.ToString());
        return Done();
    }

    private Dictionary<string, string> Application(ActivityContext context)
    {
        var found = new Dictionary<string, string>();
        if (context.Get(ApplicationId) is { Length: > 0 } id) found["applicationId"] = id;
        if (context.Get(ApplicationUrl) is { Length: > 0 } url) found["applicationUrl"] = url;
        return found;
    }

    private static StreamTaskStatus Parse(object? value) => PlainValue.From(value) switch
    {
        long code when Enum.IsDefined((StreamTaskStatus)code) => (StreamTaskStatus)code,
        string name when Enum.TryParse<StreamTaskStatus>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
        _ => throw new ArgumentException($"from: '{value}' is not a task status (use {string.Join(", ", Enum.GetNames<StreamTaskStatus>())} or their codes)"),
    };
}
