namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>
/// What one task's runner does, written by the plugin to <c>runner.json</c> in the task's folder before it starts the
/// runner. <see cref="WatchProcessId"/> is set when jobs should end with the host that launched them;
/// <see cref="Resources"/> are the full paths of the task's copies of the files its content names.
/// </summary>
internal sealed record RunnerSettings(
    long JobId,
    string TaskKey,
    double Rate,
    double CheckpointIntervalSeconds,
    int RetainedCheckpoints,
    long? MaxEvents,
    string WorkDirectory,
    string OutputFile,
    string CheckpointDirectory,
    string SavepointDirectory,
    string? RestoreFrom,
    int? WatchProcessId = null,
    DateTimeOffset? WatchProcessStartTime = null,
    IReadOnlyList<string>? Resources = null);
