using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Registers a bulk operation (one Pending item per job, readable through <c>GET /api/bulk/{instanceId}</c> while the
/// run goes on) and hands back the items to work on. Ids naming no job or task are recorded as failed at once.
/// </summary>
[Activity(Category.StreamJobs, "Prepare bulk run", Description = "Records one item per job of a bulk operation; outputs the items to work on.", Icon = "layers")]
public sealed class PrepareBulkRun : Activity
{
    [Input(Description = "start, stop or restart", Required = true, Options = ["start", "stop", "restart"])]
    public Input<string> Operation { get; set; } = default!;

    [Input(Description = "Job ids (JOB mode); give these or taskIds")]
    public Input<List<object?>?> JobIds { get; set; } = default!;

    [Input(Description = "Task ids (TASK mode); give these or jobIds")]
    public Input<List<object?>?> TaskIds { get; set; } = default!;

    [Input(Description = "How many jobs at once; empty takes Operations:BulkParallelism")]
    public Input<int?> Parallelism { get; set; } = default!;

    [Output(Description = "The items to work on: position, jobId, taskId, jobName")]
    public Output<List<object?>> Items { get; set; } = default!;

    [Output(Description = "How many jobs the run names")]
    public Output<long> Total { get; set; } = default!;

    [Output(Description = "The parallelism to work with")]
    public Output<long> Degree { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var options = context.Get<OperationsOptions>();
        var degree = context.Get(Parallelism) ?? options.BulkParallelism;
        if (degree is < 1 or > BulkLimits.MaxParallelism) return Fault($"parallelism must be between 1 and {BulkLimits.MaxParallelism}, not {degree}");
        var jobIds = context.Get(JobIds) ?? [];
        var taskIds = context.Get(TaskIds) ?? [];
        if (jobIds.Count > 0 == taskIds.Count > 0) return Fault("give either jobIds or taskIds, not both and not neither");
        var (field, ids) = jobIds.Count > 0 ? ("jobIds", jobIds) : ("taskIds", taskIds);
        if (ids.Count > options.MaxBulkJobs) return Fault($"{field} names {ids.Count} ids; one bulk operation takes at most {options.MaxBulkJobs} (Operations:MaxBulkJobs)");
        var subjects = new List<BulkSubject>();
        foreach (var (raw, index) in ids.Select((id, i) => (id, i)))
        {
            if (PlainValue.From(raw) is not long id || id <= 0) return Fault($"{field}[{index}] must be a positive whole number, not {raw ?? "null"}");
            subjects.Add(field == "jobIds" ? new BulkSubject(id, null) : new BulkSubject(null, id));
        }

        var run = await context.Get<BulkRunService>().CreateAsync(context.InstanceId, context.Get(Operation), subjects, context.CancellationToken);
        context.Set(Items, run.Items.Where(i => i.Status != BulkItemStatus.Failed).Select(i => (object?)new Dictionary<string, object?>
        {
            ["position"] = (long)i.Position,
            ["jobId"] = i.JobId,
            ["taskId"] = i.TaskId,
            ["jobName"] = i.JobName,
        }).ToList());
        context.Set(Total, run.Total);
        context.Set(Degree, degree);
        context.Log($"Bulk {run.Operation} of {run.Total} job(s), {degree} at a time; {run.Failed} refused at once");
        return Done();
    }
}
