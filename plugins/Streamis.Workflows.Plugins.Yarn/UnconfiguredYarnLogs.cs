using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>Answers a request for a YARN log while <c>Plugins:yarn</c> is empty with what to configure.</summary>
public sealed class UnconfiguredYarnLogs(string section) : IJobLogFetcher
{
    public string Engine => Linkis.Gateway.LinkisHandle.Engine;

    public IReadOnlyCollection<string> LogTypes { get; } = [YarnJobLogFetcher.YarnLog];

    public Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"YARN logs are not configured: set {section}:ResourceManagerUrl, or {section}:GatewayUrl and {section}:TokenCode (see the YARN plugin's README).");
}
