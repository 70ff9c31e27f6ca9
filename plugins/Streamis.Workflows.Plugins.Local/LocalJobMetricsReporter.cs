using Streamis.Workflows.Plugins.Local.Protocol;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// A local task's figures from the status its runner rewrites every half second: the events written to the job's output
/// and their rate since the task started, and the runner process's memory and GC time. A task whose runner has not
/// written a status yet has none. After the task ends, the figures are those it ended with.
/// </summary>
public sealed class LocalJobMetricsReporter : IJobMetricsReporter
{
    public const string Source = "event generator";
    public const string Transform = "number events";

    public string Engine => LocalJobLauncher.EngineName;

    public Task<JobMetrics> GetMetricsAsync(JobHandle handle, CancellationToken cancellationToken)
    {
        var task = LocalTaskRecord.FromHandle(handle);
        if (RunnerFiles.TryReadJson<RunnerStatus>(Path.Combine(task.WorkDirectory, RunnerFiles.Status)) is not { } status)
            return Task.FromResult(JobMetrics.None);
        var sink = Path.GetFileName(task.OutputFile);
        return Task.FromResult(new JobMetrics(
            [new JobRecordCount(sink, status.EventsWritten)],
            [new JobTraffic(Source, status.EventsPerSecond, Transform, sink, status.EventsPerSecond)],
            status.WorkingSetBytes > 0
                ? [new JobProcessLoad("runner", Environment.MachineName, status.WorkingSetBytes, status.TotalAvailableMemoryBytes,
                    TimeSpan.FromMilliseconds(status.GcPauseMilliseconds))]
                : []));
    }
}
