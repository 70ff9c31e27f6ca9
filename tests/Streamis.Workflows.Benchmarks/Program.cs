using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// Entry point for every benchmark class of this assembly; pick them with <c>--filter</c>. Each run leaves a
/// GitHub-flavoured Markdown table per class under <c>BenchmarkDotNet.Artifacts/results/</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.AddExporter(MarkdownExporter.GitHub);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
