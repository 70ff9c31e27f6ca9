namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>A user error with Streamis' error code (30030, 30603, ...); never a server fault.</summary>
public class StreamJobsException(int code, StreamJobsErrorKind kind, string message) : Exception(message)
{
    public int Code { get; } = code;

    public StreamJobsErrorKind Kind { get; } = kind;

    /// <summary>The refusal for an unknown job id, worded as Streamis words it.</summary>
    public static StreamJobsException JobNotFound(long jobId) =>
        new(ErrorCodes.JobNotFound, StreamJobsErrorKind.NotFound, $"StreamJob [{jobId}] does not exist");
}
