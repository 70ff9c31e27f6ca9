namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Either the new task, or why none was created (another task of the job is not completed).</summary>
public sealed record TaskStartResult(StreamTask? Task, string? Refusal, long? BlockingTaskId = null)
{
    public bool Started => Task is not null;

    public static TaskStartResult Created(StreamTask task) => new(task, null);

    public static TaskStartResult Refused(string reason, long? blockingTaskId) => new(null, reason, blockingTaskId);
}
