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
        if (args is ["coldstart", ..]) return await ColdStart.RunAsync();
        if (args is ["linkis-bulk-start", ..]) return await LinkisBulkStart.RunAsync(HostSettings(args[1..]));
        if (args is ["linkis-monitor", ..]) return await LinkisMonitorTick.RunAsync(HostSettings(args[1..]));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Host settings given after a timed mode as <c>Key=Value</c> (environment-variable keys, e.g. <c>Runtime__MaxPollInterval=00:00:00.050</c>).</summary>
    private static Dictionary<string, string> HostSettings(string[] args) =>
        args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
