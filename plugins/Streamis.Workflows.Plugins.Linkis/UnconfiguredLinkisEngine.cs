using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// Stands in for the <c>linkis-flink</c> engine while <c>Plugins:linkis</c> is empty, so the host starts as usual and a
/// Flink job's operation fails saying what to configure, instead of finding no engine at all.
/// </summary>
public sealed class UnconfiguredLinkisEngine(string section) : IJobLauncher, IJobStateFetcher, IJobLogFetcher
{
    public string Engine => LinkisFlinkLauncher.EngineName;

    public IReadOnlyCollection<string> JobTypes { get; } = [LinkisFlinkLauncher.SqlJobType, LinkisFlinkLauncher.JarJobType];

    public IReadOnlyCollection<string> LogTypes { get; } = [LinkisJobLogFetcher.ClientLog];

    public Task<JobHandle> LaunchAsync(JobLaunchRequest request, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<JobStatusReport> GetStatusAsync(JobHandle handle, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<JobState> TriggerSavepointAsync(JobHandle handle, string? directory, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<JobState?> StopAsync(JobHandle handle, StopMode mode, string? savepointDirectory, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<JobState?> FindLatestAsync(JobStateQuery query, JobStateKind kind, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<bool> ExistsAsync(JobStateQuery query, string location, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken) => throw NotConfigured();

    private InvalidOperationException NotConfigured() =>
        new($"The linkis-flink engine is not configured: set {section}:GatewayUrl and {section}:TokenCode (see the Linkis plugin's README).");
}
