using System.Diagnostics;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// Bulk-start of 1,000 flink.sql jobs on the Linkis simulation with 50 ms per Linkis call and parallelism 30, next to
/// the ideal for that latency and parallelism: ceil(jobs / parallelism) x calls per launch x latency, with the calls
/// per launch counted from the requests the simulation recorded during the run. Target: within 1.15x of the ideal,
/// with the host's working set flat. Build the host first (<c>dotnet build -c Release host/Streamis.Workflows.Host</c>),
/// then <c>dotnet run -c Release --project tests/Streamis.Workflows.Benchmarks -- linkis-bulk-start</c>.
/// </summary>
public static class LinkisBulkStart
{
    public static async Task<BulkStartResult> RunAsync(IReadOnlyDictionary<string, string> settings, int jobs = 1_000, int parallelism = 30, int latencyMs = 50)
    {
        await using var host = await LinkisHostProcess.StartAsync(settings);
        var ids = await host.SqlJobsAsync(jobs);
        await WarmAsync(host, parallelism);
        var before = host.WorkingSetMb;
        host.Linkis.ClearRequests();
        host.Linkis.SetLatency(LinkisCalls.Any, TimeSpan.FromMilliseconds(latencyMs));

        var cpu = host.CpuTime;
        var clock = Stopwatch.StartNew();
        var run = await host.BulkAsync(new { operation = "start", jobIds = ids, parallelism });
        clock.Stop();
        cpu = host.CpuTime - cpu;

        var after = host.WorkingSetMb;
        var calls = host.Linkis.Requests.Count;
        var perLaunch = (double)calls / jobs;
        var ideal = Math.Ceiling(jobs / (double)parallelism) * perLaunch * latencyMs;
        Console.WriteLine($"bulk-start of {jobs} jobs, parallelism {parallelism}, {latencyMs} ms per Linkis call: " +
            $"{(int)run["succeeded"]!} succeeded, {(int)run["failed"]!} failed");
        Console.WriteLine($"Linkis calls: {calls} ({perLaunch:0.##} per launch: {string.Join(", ", host.Linkis.Requests.GroupBy(r => r.Call).Select(g => $"{g.Key} {g.Count()}"))})");
        Console.WriteLine($"measured {clock.Elapsed.TotalMilliseconds:0} ms, ideal {ideal:0} ms, ratio {clock.Elapsed.TotalMilliseconds / ideal:0.00} (target: at most 1.15)");
        Console.WriteLine($"host CPU time: {cpu.TotalMilliseconds:0} ms ({cpu.TotalMilliseconds / jobs:0.0} ms per job; {Environment.ProcessorCount} cores, load average {LoadAverage()})");
        Console.WriteLine($"host working set: {before:0} MB before, {after:0} MB after");
        return new BulkStartResult(jobs, parallelism, latencyMs, (int)run["succeeded"]!, clock.Elapsed.TotalMilliseconds, ideal, perLaunch, cpu, before, after);
    }

    /// <summary>
    /// Brings the host to the state of one that has been up a while, and is left out of the count: three bulk starts of
    /// two waves each, with pauses in between. The JIT counts a method's calls only once no new method has been compiled
    /// for 100 ms, and recompiles it optimised in the background after 30 calls; with a single warm-up job, a quarter of the
    /// measured run's CPU went to that compiling, which a host in service has long finished.
    /// </summary>
    private static async Task WarmAsync(LinkisHostProcess host, int parallelism)
    {
        for (var round = 0; round < 3; round++)
        {
            var warm = await host.SqlJobsAsync(2 * parallelism);
            await host.BulkAsync(new { operation = "start", jobIds = warm, parallelism });
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The one-minute load average, to read the timing against (figures taken beside other work are not comparable).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
