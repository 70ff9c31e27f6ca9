using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>
/// Picks the savepoint or checkpoint a start restores from: the path given (or the job's one-shot savepoint path
/// setting), which must exist on the engine's storage; otherwise, when restoring, the newest state of the job.
/// </summary>
[Activity(Category.StreamJobs, "Choose restore state",
    Description = "The state to restore from: a given path (checked to exist) or the newest savepoint/checkpoint of the job.",
    Outcomes = ["Done", "NotFound"], Icon = "history")]
public sealed class ChooseRestoreState : Activity
{
    [Input(Description = "The job", Required = true)]
    public Input<long> JobId { get; set; } = default!;

    [Input(Description = "A savepoint or checkpoint to restore from; empty uses the job's savepoint path setting, if any")]
    public Input<string?> SavepointPath { get; set; } = default!;

    [Input(Description = "Restore the newest state when no path is given; empty follows the job's start-auto-restore switch")]
    public Input<bool?> Restore { get; set; } = default!;

    [Input(Description = "Only this execution's states (TASK-mode bulk starts)")]
    public Input<long?> FromTaskId { get; set; } = default!;

    [Input(Description = "NotFound when there is no state at all, rather than starting without one", Default = false)]
    public Input<bool> RequireState { get; set; } = default!;

    [Output(Description = "The state's location, or null to start without state")]
    public Output<string?> Location { get; set; } = default!;

    [Output(Description = "Savepoint or Checkpoint")]
    public Output<string?> Kind { get; set; } = default!;

    [Output(Description = "given, setting, newest or none")]
    public Output<string> Source { get; set; } = default!;

    [Output(Description = "Why no state could be used")]
    public Output<string?> Message { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var jobId = context.Get(JobId);
        var job = await context.Get<JobService>().FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        var config = context.Get<JobConfigService>();
        var states = context.Get<RestoreStates>();

        var given = context.Get(SavepointPath);
        var source = "given";
        if (string.IsNullOrWhiteSpace(given))
        {
            given = await config.GetValueAsync(jobId, ConfigKeys.SavepointPath, ct);
            source = "setting";
        }
        if (!string.IsNullOrWhiteSpace(given))
        {
            given = given.Trim();
            bool exists;
            try
            {
                exists = await states.ExistsAsync(job, given, ct);
            }
            catch (ArgumentException e)
            {
                return NotFound(context, $"the state '{given}' cannot be used for StreamJob [{jobId}]: {e.Message}");
            }
            if (!exists) return NotFound(context, $"the savepoint or checkpoint '{given}' does not exist for StreamJob [{jobId}] on engine '{job.EngineName}'");
            context.Set(Location, given);
            context.Set(Source, source);
            return Done();
        }

        var restore = context.Get(Restore) ?? await config.IsOnAsync(jobId, ConfigKeys.StartAutoRestoreSwitch, ct);
        if (restore && await states.NewestAsync(job, context.Get(FromTaskId), ct) is { } newest)
        {
            context.Set(Location, newest.Location);
            context.Set(Kind, newest.Kind.ToString());
            context.Set(Source, "newest");
            context.Log($"Restoring StreamJob [{jobId}] from {newest.Kind.ToString().ToLowerInvariant()} {newest.Location} of {newest.Timestamp:u}");
            return Done();
        }
        if (context.Get(RequireState)) return NotFound(context, $"StreamJob [{jobId}] has no savepoint or checkpoint to restore from");
        context.Set(Location, null);
        context.Set(Source, "none");
        return Done();
    }

    private ActivityResult NotFound(ActivityContext context, string message)
    {
        context.Set(Message, message);
        context.Set(Source, "none");
        return Outcome("NotFound");
    }
}
