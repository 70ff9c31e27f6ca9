using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis;

/// <summary>
/// The client log of a once-job: the EngineConn's own log file (<c>stdout</c>), paged, filtered and tailed by its
/// manager's <c>engineConnLog</c> operation (§10). The manager keeps the file after the EngineConn has ended, so a
/// failed task's log stays readable.
/// </summary>
public sealed class LinkisJobLogFetcher : IJobLogFetcher
{
    public const string ClientLog = "client";

    private readonly LinkisGateway gateway;

    internal LinkisJobLogFetcher(LinkisGateway gateway) => this.gateway = gateway;

    public string Engine => LinkisFlinkLauncher.EngineName;

    public IReadOnlyCollection<string> LogTypes { get; } = [ClientLog];

    public async Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.LogType, ClientLog, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The linkis-flink engine serves the '{ClientLog}' log; '{request.LogType}' logs come from another plugin (yarn).");
        var task = LinkisHandle.FromJobHandle(handle);
        var manager = task.RequireManager("reading its client log");
        var result = await gateway.OperateAsync(manager, "engineConnLog", EngineConnLogQuery.Parameters(task, request, task.User), task.User, idempotent: true, cancellationToken)
            .ConfigureAwait(false);
        return EngineConnLogQuery.ReadPage(result, request);
    }
}
