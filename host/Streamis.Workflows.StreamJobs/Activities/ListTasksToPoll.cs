using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// What a monitor tick looks at: every task in the running group, and tasks left in Starting or Stopping longer than
/// they should be (Streamis' monitor never looked at those, so a crash left them there for good).
/// </summary>
[Activity(Category.StreamJobs, "List tasks to poll", Description = "Running tasks, and tasks stuck in Starting or Stopping, for the monitor.", Icon = "list")]
public sealed class ListTasksToPoll : Activity
{
    [Input(Description = "A task in Starting or Stopping for longer than this is reconciled; empty takes Operations:Monitor:StuckAfter")]
    public Input<TimeSpan?> StuckAfter { get; set; } = default!;

    [Input(Description = "How many tasks to poll at once; empty takes Operations:Monitor:Parallelism")]
    public Input<int?> Parallelism { get; set; } = default!;

    [Output(Description = "One entry per task: taskId, jobId, status")]
    public Output<List<object?>> Tasks { get; set; } = default!;

    [Output(Description = "The parallelism to poll them with")]
    public Output<long> Degree { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var settings = context.Get<OperationsOptions>().Monitor;
        var degree = context.Get(Parallelism) ?? settings.Parallelism;
        if (degree is < 1 or > BulkLimits.MaxParallelism) return Fault($"parallelism must be between 1 and {BulkLimits.MaxParallelism}, not {degree}");
        var tasks = context.Get<TaskService>();
        var running = await tasks.ListRunningAsync(context.CancellationToken);
        var stuck = await tasks.ListStuckAsync(context.Get(StuckAfter) ?? settings.StuckAfter, context.CancellationToken);
        context.Set(Tasks, running.Concat(stuck).Select(t => (object?)new Dictionary<string, object?>
        {
            ["taskId"] = t.Id,
            ["jobId"] = t.JobId,
            ["status"] = t.Status.ToString(),
        }).ToList());
        context.Set(Degree, degree);
        return Done();
    }
}
