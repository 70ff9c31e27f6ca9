using System.Globalization;
using Streamis.Workflows.Plugins.Local.Protocol;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// One launched task: <c>launch.json</c> in its folder, and the same facts as the properties of its
/// <see cref="JobHandle"/>, so that a launcher created after a host restart finds the process and its files again.
/// </summary>
internal sealed record LocalTaskRecord(
    string ExecutionId,
    long JobId,
    string TaskKey,
    int ProcessId,
    DateTimeOffset ProcessStartTime,
    string WorkDirectory,
    string OutputFile,
    string CheckpointDirectory,
    string SavepointDirectory,
    double Rate,
    DateTimeOffset LaunchedAt)
{
    public const string FileName = "launch.json";

    public string LogFile => Path.Combine(WorkDirectory, RunnerFiles.Log);

    public string Describe() => $"local task {TaskKey} of job {JobId}";

    public string DescribeProcess() => $"local task {TaskKey} of job {JobId} (process {ProcessId})";

    public static LocalTaskRecord? TryRead(string workDirectory) =>
        RunnerFiles.TryReadJson<LocalTaskRecord>(Path.Combine(workDirectory, FileName));

    public JobHandle ToHandle() => new(LocalJobLauncher.EngineName, TaskKey, new Dictionary<string, string>
    {
        ["executionId"] = ExecutionId,
        ["jobId"] = JobId.ToString(CultureInfo.InvariantCulture),
        ["pid"] = ProcessId.ToString(CultureInfo.InvariantCulture),
        ["startTime"] = ProcessStartTime.ToString("O", CultureInfo.InvariantCulture),
        ["workDir"] = WorkDirectory,
        ["output"] = OutputFile,
        ["checkpoints"] = CheckpointDirectory,
        ["savepoints"] = SavepointDirectory,
        ["rate"] = Rate.ToString(CultureInfo.InvariantCulture),
        ["launchedAt"] = LaunchedAt.ToString("O", CultureInfo.InvariantCulture),
    });

    public static LocalTaskRecord FromHandle(JobHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!string.Equals(handle.Engine, LocalJobLauncher.EngineName, StringComparison.Ordinal))
            throw new ArgumentException($"The handle belongs to engine '{handle.Engine}', not to the Local engine.");
        return new LocalTaskRecord(
            handle.Get("executionId") ?? "",
            long.Parse(Required(handle, "jobId"), NumberStyles.Integer, CultureInfo.InvariantCulture),
            handle.Id,
            int.Parse(Required(handle, "pid"), NumberStyles.Integer, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(Required(handle, "startTime"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Required(handle, "workDir"),
            Required(handle, "output"),
            Required(handle, "checkpoints"),
            Required(handle, "savepoints"),
            double.Parse(handle.Get("rate") ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture),
            handle.Get("launchedAt") is { } launched ? DateTimeOffset.Parse(launched, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : default);
    }

    private static string Required(JobHandle handle, string key) =>
        handle.Get(key) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"The Local engine handle '{handle.Id}' lacks its '{key}' property; it was not made by this engine.");
}
