using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Activities;

/// <summary>The refusals the task steps share.</summary>
internal static class TaskLookup
{
    public static StreamJobsException NotFound(long taskId) =>
        new(ErrorCodes.TaskNotFound, StreamJobsErrorKind.NotFound, $"StreamTask [{taskId}] does not exist");

    public static InvalidOperationException NoHandle(StreamTask task) =>
        new($"StreamTask [{task.Id}] has no engine handle: it was never launched, or its launch has not finished");
}
