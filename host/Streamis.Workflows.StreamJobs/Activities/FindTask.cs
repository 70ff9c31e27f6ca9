using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>The task an operation acts on: the one named, or the job's newest (None when the job never ran).</summary>
[Activity(Category.StreamJobs, "Find task", Description = "Finds a task by id, or the newest task of a job.", Outcomes = ["Found", "None"], Icon = "search")]
public sealed class FindTask : Activity
{
    [Input(Description = "The job; its newest task is taken when no task id is given")]
    public Input<long?> JobId { get; set; } = default!;

    [Input(Description = "A task of the job (TASK mode)")]
    public Input<long?> TaskId { get; set; } = default!;

    [Output(Description = "The task found: id, jobId, status (name), statusCode, completed (Completed, Failed or Stopped), launched (has an engine handle)")]
    public Output<Dictionary<string, object?>?> Task { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var tasks = context.Get<TaskService>();
        var jobId = context.Get(JobId);
        StreamTask? task;
        if (context.Get(TaskId) is { } taskId)
        {
            task = await tasks.FindAsync(taskId, ct) ?? throw TaskLookup.NotFound(taskId);
            if (jobId is { } expected && task.JobId != expected) return Fault($"StreamTask [{taskId}] belongs to StreamJob [{task.JobId}], not [{expected}]");
        }
        else if (jobId is { } id)
        {
            _ = await context.Get<JobService>().FindAsync(id, ct) ?? throw StreamJobsException.JobNotFound(id);
            task = await tasks.GetLatestAsync(id, ct);
        }
        else return Fault("give jobId or taskId");

        if (task is null) return Outcome("None");
        context.Set(Task, new Dictionary<string, object?>
        {
            ["id"] = task.Id,
            ["jobId"] = task.JobId,
            ["status"] = task.Status.ToString(),
            ["statusCode"] = (long)task.Status,
            ["completed"] = task.IsCompleted,
            ["launched"] = task.Handle is not null,
        });
        return Outcome("Found");
    }
}
