using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// The connectors of every engine the host has (from plugins), found by the engine name a job or task carries, so the
/// built-in workflows work unchanged whichever engines are installed.
/// </summary>
public sealed class JobEngines(
    IEnumerable<IJobLauncher> launchers, IEnumerable<IJobStateFetcher> stateFetchers, IEnumerable<IJobLogFetcher> logFetchers,
    IEnumerable<IJobMetricsReporter> metricsReporters)
{
    private readonly IReadOnlyList<IJobLauncher> launchers = launchers.ToList();
    private readonly IReadOnlyList<IJobStateFetcher> stateFetchers = stateFetchers.ToList();
    private readonly IReadOnlyList<IJobLogFetcher> logFetchers = logFetchers.ToList();
    private readonly IReadOnlyList<IJobMetricsReporter> metricsReporters = metricsReporters.ToList();

    public IJobLauncher Launcher(string engine) =>
        launchers.LastOrDefault(l => Same(l.Engine, engine)) ?? throw Missing(engine, "launcher", launchers.Select(l => l.Engine));

    public IJobStateFetcher StateFetcher(string engine) =>
        stateFetchers.LastOrDefault(f => Same(f.Engine, engine)) ?? throw Missing(engine, "state fetcher", stateFetchers.Select(f => f.Engine));

    /// <summary>The log fetcher of the engine serving <paramref name="logType"/>, or null when the engine has no such log.</summary>
    public IJobLogFetcher? LogFetcher(string engine, string logType) =>
        logFetchers.LastOrDefault(f => Same(f.Engine, engine) && f.LogTypes.Any(t => Same(t, logType)));

    /// <summary>The engine's metrics reporter, or null when the engine reports no figures.</summary>
    public IJobMetricsReporter? MetricsReporter(string engine) => metricsReporters.LastOrDefault(r => Same(r.Engine, engine));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static EngineMissingException Missing(string engine, string what, IEnumerable<string> installed)
    {
        var names = installed.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return new EngineMissingException(
            $"no {what} for engine '{engine}' is installed (installed: {(names.Count == 0 ? "none" : string.Join(", ", names))}); " +
            "its plugin is missing or failed to load, see GET /api/plugins");
    }
}
