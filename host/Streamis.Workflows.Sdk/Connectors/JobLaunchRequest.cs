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
    string ExecutionId)
{
    /// <summary>
    /// Called right before the call that makes the engine run the job, so the caller can record that the outcome is
    /// about to be unknown until <see cref="Accepted"/> (or a failure) says otherwise.
    /// </summary>
    public Func<CancellationToken, Task>? Launching { get; init; }

    /// <summary>
    /// Called as soon as the engine has accepted the job, before waiting for it to run, so the caller can record the
    /// handle durably: a host that dies while the job starts then finds it again instead of launching it twice.
    /// </summary>
    public Func<JobHandle, CancellationToken, Task>? Accepted { get; init; }

    /// <summary>
    /// An earlier attempt of this execution was under way on a host that stopped before the engine's answer was
    /// recorded: the engine may already run the job. An engine that cannot look the job up by
    /// <see cref="ExecutionId"/> refuses to launch again rather than run the job twice.
    /// </summary>
    public bool MayAlreadyRun { get; init; }
}
