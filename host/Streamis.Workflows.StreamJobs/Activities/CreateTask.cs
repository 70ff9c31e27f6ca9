using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Creates the execution (task) of a start in Starting, on the job's latest version. Refused while another task of the
/// job is not completed: the database's unique guard decides between concurrent starts. Repeated after a crash, it
/// finds the task it created the first time.
/// </summary>
[Activity(Category.StreamJobs, "Create task", Description = "A new task in Starting, unless the job still has one that is not completed.",
    Outcomes = ["Done", "Refused"], Icon = "plus-square")]
public sealed class CreateTask : Activity
{
    [Input(Description = "The job", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "Who starts it; empty means the job's submit user (a restart by the host)")]
    public Input<string?> User { get; set; } = default!;

    [Output(Description = "The new task")]
    public Output<long> TaskId { get; set; } = default!;

    [Output(Description = "The job version it runs")]
    public Output<string?> Version { get; set; } = default!;

    [Output(Description = "Why it was refused")]
    public Output<string?> Message { get; set; } = default!;

    [Output(Description = "The task that is in the way")]
    public Output<long?> BlockingTaskId { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var jobId = context.Get(JobId);
        var user = context.Get(User);
        if (string.IsNullOrWhiteSpace(user))
            user = (await context.Get<JobService>().FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId)).SubmitUser;
        var result = await context.Get<TaskService>().CreateTaskAsync(jobId, user, context.ExecutionId, ct);
        if (result.Task is not { } task)
        {
            context.Set(Message, $"Unable to create a new task: {result.Refusal}");
            context.Set(BlockingTaskId, result.BlockingTaskId);
            return Outcome("Refused");
        }
        context.Set(TaskId, task.Id);
        context.Set(Version, task.Version);
        return Done();
    }
}
