using System.Globalization;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Polls a launched task's engine until the job runs, ends, or the time is up. Between polls it waits on a timer
/// bookmark, so no thread is held and the wait goes on after a host restart.
/// </summary>
[Activity(Category.StreamJobs, "Wait for job status", Description = "Polls the engine until the job runs (Running), ends (Ended) or the timeout passes (TimedOut).",
    Outcomes = ["Running", "Ended", "TimedOut"], Icon = "hourglass")]
public sealed class WaitForJobStatus : Activity
{
    public const string BookmarkName = "WaitForJobStatus";
    private const string DeadlineKey = "deadline";

    [Input(Description = "The launched task", Required = true)]
    public Input<long> TaskId { get; set; } = default!;

    [Input(Description = "How long to wait for the job to run; empty takes Operations:StartTimeout")]
    public Input<TimeSpan?> Timeout { get; set; } = default!;

    [Input(Description = "Wait between polls; empty takes Operations:StatusPollInterval")]
    public Input<TimeSpan?> PollInterval { get; set; } = default!;

    [Output(Description = "The status the engine reported last (e.g. Running, Failed)")]
    public Output<string> Status { get; set; } = default!;

    [Output(Description = "Its Streamis code")]
    public Output<long> StatusCode { get; set; } = default!;

    [Output(Description = "What the engine said with it (why it failed)")]
    public Output<string?> Message { get; set; } = default!;

    [Output(Description = "The engine's application id (YARN application), if it has one")]
    public Output<string?> ApplicationId { get; set; } = default!;

    [Output(Description = "Where to see the application")]
    public Output<string?> ApplicationUrl { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var timeout = context.Get(Timeout) ?? context.Get<OperationsOptions>().StartTimeout;
        // Ticks, not milliseconds: a deadline rounded down would wake the last poll a fraction too early.
        context.Properties[DeadlineKey] = (context.Clock.GetUtcNow() + timeout).UtcTicks;
        return PollAsync(context);
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption) => PollAsync(context);

    private async ValueTask<ActivityResult> PollAsync(ActivityContext context)
    {
        var taskId = context.Get(TaskId);
        var task = await context.Get<TaskService>().FindAsync(taskId, context.CancellationToken) ?? throw TaskLookup.NotFound(taskId);
        var handle = task.Handle ?? throw TaskLookup.NoHandle(task);
        var report = await context.Get<JobEngines>().Launcher(handle.Engine).GetStatusAsync(handle, context.CancellationToken);
        context.Set(Status, report.Status.ToString());
        context.Set(StatusCode, (long)report.Status);
        context.Set(Message, report.Message);
        context.Set(ApplicationId, report.ApplicationId);
        context.Set(ApplicationUrl, report.ApplicationUrl);
        if (TaskStatuses.IsRunning(report.Status)) return Outcome("Running");
        if (TaskStatuses.IsCompleted(report.Status)) return Outcome("Ended");

        var now = context.Clock.GetUtcNow();
        var deadline = new DateTimeOffset(Convert.ToInt64(context.Properties[DeadlineKey], CultureInfo.InvariantCulture), TimeSpan.Zero);
        if (now >= deadline)
        {
            var waited = context.Get(Timeout) ?? context.Get<OperationsOptions>().StartTimeout;
            context.Set(Message, $"StreamTask [{taskId}] did not report running within {waited}; the engine still says {report.Status}" +
                (report.Message is { Length: > 0 } said ? $": {said}" : ""));
            return Outcome("TimedOut");
        }
        var next = now + (context.Get(PollInterval) ?? context.Get<OperationsOptions>().StatusPollInterval);
        context.CreateBookmark(BookmarkName, null, next < deadline ? next : deadline);
        return Wait();
    }
}
