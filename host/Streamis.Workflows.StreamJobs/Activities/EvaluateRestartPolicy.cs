using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Whether a failed job is restarted now and after how long a wait, from its failures within the restart window
/// (Operations:AutoRestart): Restart, GiveUp past the limit, Disabled when its fail-restart switch is OFF, or
/// AlreadyRunning when someone started it meanwhile.
/// </summary>
[Activity(Category.StreamJobs, "Evaluate restart policy", Description = "Restart (after backoffSeconds), GiveUp, Disabled or AlreadyRunning, from the job's recent failures.",
    Outcomes = ["Restart", "GiveUp", "Disabled", "AlreadyRunning"], Icon = "rotate-ccw")]
public sealed class EvaluateRestartPolicy : Activity
{
    [Input(Description = "The failed job", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "Restarts the calling workflow has tried already (counted even when they made no task)", Default = 0)]
    public Input<int> Attempts { get; set; } = default!;

    [Output(Description = "The job's name")]
    public Output<string?> JobName { get; set; } = default!;

    [Output(Description = "The job's project")]
    public Output<string?> ProjectName { get; set; } = default!;

    [Output(Description = "Operations:AutoRestart:MaxRestarts")]
    public Output<long> MaxRestarts { get; set; } = default!;

    [Output(Description = "Operations:AutoRestart:Window")]
    public Output<string> Window { get; set; } = default!;

    [Output(Description = "How often the job failed within the window")]
    public Output<long> Failures { get; set; } = default!;

    [Output(Description = "How long to wait before restarting")]
    public Output<double> BackoffSeconds { get; set; } = default!;

    [Output(Description = "The decision in words")]
    public Output<string> Reason { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var jobId = context.Get(JobId);
        var job = await context.Get<JobService>().FindAsync(jobId, context.CancellationToken) ?? throw StreamJobsException.JobNotFound(jobId);
        var decision = await context.Get<RestartPolicy>().DecideAsync(jobId, context.Get(Attempts), context.CancellationToken);
        var settings = context.Get<OperationsOptions>().AutoRestart;
        context.Set(JobName, job.Name);
        context.Set(ProjectName, job.ProjectName);
        context.Set(MaxRestarts, settings.MaxRestarts);
        context.Set(Window, settings.Window.ToString());
        context.Set(Failures, decision.FailuresInWindow);
        context.Set(BackoffSeconds, decision.Backoff.TotalSeconds);
        context.Set(Reason, decision.Reason);
        context.Log(decision.Reason);
        return Outcome(decision.Verdict.ToString());
    }
}
