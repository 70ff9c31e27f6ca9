namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// A job version to launch as task <see cref="TaskId"/>. <see cref="Configuration"/> is the job's configuration,
/// flattened to keys and values; <see cref="RestoreFrom"/> is the checkpoint or savepoint to restore, if any.
/// <see cref="ExecutionId"/> is stable across retries of the same launch: use it to avoid launching twice.
/// </summary>
public sealed record JobLaunchRequest(
    long JobId,
    long TaskId,
    string ProjectName,
    string JobName,
    string JobType,
    string Version,
    string SubmitUser,
    string JobContentJson,
    IReadOnlyDictionary<string, string> Configuration,
    IReadOnlyList<JobResourceFile> Resources,
    string? RestoreFrom,
    string ExecutionId);
