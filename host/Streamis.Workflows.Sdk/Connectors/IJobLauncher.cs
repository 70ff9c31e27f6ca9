namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// Launches and controls jobs on one engine (e.g. <c>linkis-flink</c>, <c>local</c>). Calls may be repeated after a
/// crash (at-least-once): launching checks <see cref="JobLaunchRequest.ExecutionId"/>, stopping a stopped job is a success.
/// Failures worth retrying are thrown as <see cref="Errors.TransientException"/>.
/// </summary>
public interface IJobLauncher
{
    /// <summary>The engine name jobs and handles refer to.</summary>
    string Engine { get; }

    /// <summary>Job types this engine runs (<c>flink.sql</c>, <c>flink.jar</c>, <c>local</c>...).</summary>
    IReadOnlyCollection<string> JobTypes { get; }

    /// <summary>Launches and returns once the engine has accepted the job (not necessarily running yet).</summary>
    Task<JobHandle> LaunchAsync(JobLaunchRequest request, CancellationToken cancellationToken);

    Task<JobStatusReport> GetStatusAsync(JobHandle handle, CancellationToken cancellationToken);

    /// <summary>Takes a savepoint into <paramref name="directory"/> (the engine's default when null) without stopping.</summary>
    Task<JobState> TriggerSavepointAsync(JobHandle handle, string? directory, CancellationToken cancellationToken);

    /// <summary>Stops the job; with <paramref name="mode"/> other than Direct a savepoint is taken first and returned.</summary>
    Task<JobState?> StopAsync(JobHandle handle, StopMode mode, string? savepointDirectory, CancellationToken cancellationToken);
}
