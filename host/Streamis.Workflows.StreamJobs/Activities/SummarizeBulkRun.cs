using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>This instance's bulk operation as it stands: counts and every item, e.g. as the model of the bulk report template.</summary>
[Activity(Category.StreamJobs, "Summarize bulk run", Description = "Counts and items of this instance's bulk operation.", Icon = "bar-chart")]
public sealed class SummarizeBulkRun : Activity
{
    [Output(Description = "operation, total, succeeded, failed, items (position, jobId, jobName, taskId, status, message, savepointPath)")]
    public Output<Dictionary<string, object?>> Summary { get; set; } = default!;

    [Output(Description = "Jobs that succeeded")]
    public Output<long> Succeeded { get; set; } = default!;

    [Output(Description = "Jobs that failed")]
    public Output<long> Failed { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var run = await context.Get<BulkRunService>().GetAsync(context.InstanceId, context.CancellationToken);
        if (run is null) return Fault($"instance {context.InstanceId} has no bulk run: run Prepare bulk run first");
        context.Set(Summary, new Dictionary<string, object?>
        {
            ["operation"] = run.Operation,
            ["total"] = (long)run.Total,
            ["succeeded"] = (long)run.Succeeded,
            ["failed"] = (long)run.Failed,
            ["items"] = run.Items.Select(i => (object?)new Dictionary<string, object?>
            {
                ["position"] = (long)i.Position,
                ["jobId"] = i.JobId,
                ["jobName"] = i.JobName,
                ["taskId"] = i.TaskId,
                ["status"] = i.Status.ToString(),
                ["message"] = i.Message,
                ["savepointPath"] = i.SavepointPath,
            }).ToList(),
        });
        context.Set(Succeeded, run.Succeeded);
        context.Set(Failed, run.Failed);
        return Done();
    }
}
