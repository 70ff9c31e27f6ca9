using Streamis.Workflows.Plugins.Linkis.Gateway;
using Streamis.Workflows.Plugins.Local;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>
/// The <c>yarn</c> log of a linkis-flink job: straight from YARN (the application master's log on its NodeManager) when a
/// ResourceManager is configured, otherwise through the EngineConn's manager (<c>engineConnYarnLog</c>, Linkis 1.1.3+).
/// Both keep working after the job has failed, so a failed task's log stays viewable.
/// </summary>
public sealed class YarnJobLogFetcher : IJobLogFetcher
{
    public const string YarnLog = "yarn";

    private readonly YarnOptions options;
    private readonly ResourceManagerClient? resourceManager;
    private readonly LinkisGateway? gateway;

    internal YarnJobLogFetcher(YarnOptions options, ResourceManagerClient? resourceManager, LinkisGateway? gateway)
    {
        this.options = options;
        this.resourceManager = resourceManager;
        this.gateway = gateway;
    }

    public string Engine => LinkisHandle.Engine;

    public IReadOnlyCollection<string> LogTypes { get; } = [YarnLog];

    public async Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.LogType, YarnLog, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The yarn plugin serves the '{YarnLog}' log, not '{request.LogType}'.");
        var task = LinkisHandle.FromJobHandle(handle);
        var applicationId = task.ApplicationId
            ?? throw new InvalidOperationException($"Once-job {task.OnceJobId} has no YARN application recorded yet, so it has no YARN log.");
        if (resourceManager is not null)
        {
            var (path, lines) = await resourceManager.GetMasterLogAsync(applicationId, cancellationToken).ConfigureAwait(false);
            return Page(lines, path, request);
        }
        if (!options.LinkisVersion.HasYarnLogOperation)
            throw new InvalidOperationException(
                $"Linkis {options.LinkisVersion} cannot fetch YARN logs (engineConnYarnLog came with 1.1.3): set Plugins:yarn:ResourceManagerUrl to read them from YARN.");
        var parameters = EngineConnLogQuery.Parameters(task, request, task.User);
        parameters["yarnApplicationId"] = applicationId;
        var result = await gateway!.OperateAsync(task.RequireManager("reading its YARN log"), "engineConnYarnLog", parameters, task.User, idempotent: true, cancellationToken)
            .ConfigureAwait(false);
        return EngineConnLogQuery.ReadPage(result, request);
    }

    /// <summary>Pages a log read whole from YARN as the ECM pages one: from a line, or the last rows, through the keyword filters.</summary>
    private static JobLogPage Page(IReadOnlyList<string> lines, string path, JobLogRequest request)
    {
        var filter = new LogLineFilter(request.IgnoreKeywords, request.OnlyKeywords);
        if (request.LastRows is > 0 and var lastRows)
        {
            var tail = lines.Skip(Math.Max(0, lines.Count - Math.Min(lastRows, EngineConnLogQuery.MaxLines))).Where(filter.Keeps).ToList();
            return new JobLogPage(tail, 0, true, path);
        }
        var from = Math.Max(1, request.FromLine);
        var pageSize = Math.Clamp(request.PageSize, 1, EngineConnLogQuery.MaxLines);
        var page = new List<string>();
        var read = 0;
        while (read < lines.Count && page.Count < pageSize)
        {
            var line = lines[read++];
            if (filter.Keeps(line) && read >= from) page.Add(line);
        }
        return new JobLogPage(page, read, read >= lines.Count, path);
    }
}
