using BenchmarkDotNet.Running;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// Entry point for every benchmark class of this assembly; pick them with <c>--filter</c>. The default config
/// already writes a GitHub-flavoured Markdown table per class (<c>*-report-github.md</c>, beside CSV and HTML)
/// under <c>BenchmarkDotNet.Artifacts/results/</c>; adding the exporter again only earns a duplicate warning.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["report", ..]) return await Report.PerformanceReport.RunAsync(quick: args.Contains("--quick"));
        if (args is ["coldstart", ..]) return await ColdStart.RunAsync() is null ? 1 : 0;
        if (args is ["linkis-bulk-start", ..])
        {
            await LinkisBulkStart.RunAsync(HostSettings(args[1..]));
            return 0;
        }
        if (args is ["linkis-monitor", ..])
        {
            await LinkisMonitorTick.RunAsync(HostSettings(args[1..]));
            return 0;
        }
        if (args is ["suspended", ..])
        {
            await SuspendedInstances.MeasureAsync(Count(args, 1, 10_000), Count(args, 2, 1_000), settings: HostSettings(args[1..]));
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Count(string[] args, int position, int fallback) => args.Length > position && int.TryParse(args[position], out var n) ? n : fallback;

    /// <summary>Host settings given after a timed mode as <c>Key=Value</c> (environment-variable keys, e.g. <c>Runtime__MaxPollInterval=00:00:00.050</c>).</summary>
    private static Dictionary<string, string> HostSettings(string[] args) =>
        args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
