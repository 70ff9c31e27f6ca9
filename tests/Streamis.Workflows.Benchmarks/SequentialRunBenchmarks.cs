using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// One in-memory run of a 10-activity Sequence against the same 10 steps as plain C# async method calls (the baseline,
/// so the Ratio column is the engine's overhead on this machine), and, stricter, as awaited calls of a synchronous
/// method returning a completed ValueTask. Targets: at most 50 µs per run and at most 20× the async method calls.
/// </summary>
[MemoryDiagnoser]
public class SequentialRunBenchmarks
{
    private WorkflowRunner runner = default!;
    private WorkflowDefinition definition = default!;

    [GlobalSetup]
    public void Setup()
    {
        runner = new WorkflowRunner(ActivityRegistry.CreateDefault().Add<AddOne>("benchmarks"));
        definition = runner.Parse(SequentialWorkflow.Json);
        runner.Compile(definition);
        var check = runner.RunAsync(definition).GetAwaiter().GetResult();
        if (check.Status != WorkflowStatus.Completed || check.Journal.Count != SequentialWorkflow.Steps + 1)
            throw new InvalidOperationException($"the benchmark workflow ended {check.Status} with {check.Journal.Count} journal entries");
    }

    [Benchmark]
    public async Task<WorkflowStatus> WorkflowSequenceOf10()
    {
        var result = await runner.RunAsync(definition);
        return result.Status == WorkflowStatus.Completed ? result.Status : throw new InvalidOperationException($"run ended {result.Status}");
    }

    [Benchmark]
    public async ValueTask<long> PlainCSharp10Calls()
    {
        long total = 0;
        for (var i = 1; i <= SequentialWorkflow.Steps; i++) total += await AddOneAsync(i);
        return total;
    }

    /// <summary>The same ten steps as real <c>async</c> methods: the literal "plain C# async method calls".</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> PlainCSharp10AsyncMethods()
    {
        long total = 0;
        for (var i = 1; i <= SequentialWorkflow.Steps; i++) total += await AddOneAsyncMethod(i);
        return total;
    }

    // Kept out of line so the JIT cannot fold the ten calls away: the baseline pays a real call and await per step.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ValueTask<long> AddOneAsync(long value) => new(value + 1);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<long> AddOneAsyncMethod(long value)
    {
        var result = value + 1;
        await Task.CompletedTask;
        return result;
    }
}
