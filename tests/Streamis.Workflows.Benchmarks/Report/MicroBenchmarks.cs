using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>
/// The BenchmarkDotNet classes of the report, run in one go (one build of the benchmark project), each method then read
/// back by name. The quick pass uses BenchmarkDotNet's short job; a class with a job of its own (the per-request DSS
/// poll) keeps it in both passes, since its statistics are over requests, not over iterations of many invocations.
/// </summary>
public sealed class MicroBenchmarks
{
    private readonly IReadOnlyList<BenchmarkReport> reports;

    private MicroBenchmarks(IReadOnlyList<BenchmarkReport> reports) => this.reports = reports;

    public static MicroBenchmarks Run(bool quick, IEnumerable<Type> types)
    {
        var withJob = quick ? DefaultConfig.Instance.AddJob(Job.ShortRun) : DefaultConfig.Instance.AddJob(Job.Default);
        var infos = types
            .Select(type => BenchmarkConverter.TypeToBenchmarks(type, HasOwnJob(type) ? DefaultConfig.Instance : withJob))
            .ToArray();
        var summaries = BenchmarkRunner.Run(infos);
        return new MicroBenchmarks(summaries.SelectMany(s => s.Reports).ToList());
    }

    /// <summary>The statistics of one benchmark method (nanoseconds), or null when it did not run or failed.</summary>
    public BenchmarkDotNet.Mathematics.Statistics? Statistics<T>(string method) => Find<T>(method)?.ResultStatistics;

    /// <summary>Bytes allocated per call of one benchmark method, when the class has the memory diagnoser.</summary>
    public long? Allocated<T>(string method) => Find<T>(method) is { } report ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) : null;

    private BenchmarkReport? Find<T>(string method) => reports.FirstOrDefault(r =>
        r.BenchmarkCase.Descriptor.Type == typeof(T) && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.Success);

    private static bool HasOwnJob(Type type) => type.GetCustomAttributes(typeof(ConfigAttribute), inherit: true).Length > 0;
}
