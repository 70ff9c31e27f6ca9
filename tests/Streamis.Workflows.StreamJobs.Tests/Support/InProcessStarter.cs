using System.Collections.Concurrent;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.StreamJobs.Operations;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>
/// Starts workflow instances on the test's in-process runner (timers skipped with its clock) instead of the durable
/// runtime, keeping the rule that one instance id starts once.
/// </summary>
public sealed class InProcessStarter(Func<WorkflowRunner> runner) : IWorkflowStarter
{
    public ConcurrentDictionary<string, Task<RunResult>> Runs { get; } = new();

    public async Task<bool> StartAsync(string definitionId, IReadOnlyDictionary<string, object?> input, string? instanceId, string? correlationId,
        CancellationToken cancellationToken)
    {
        var id = instanceId ?? InstanceIds.New();
        var graph = await runner().GetGraphAsync(definitionId, null, cancellationToken);
        var started = false;
        _ = Runs.GetOrAdd(id, _ =>
        {
            started = true;
            var options = new RunOptions { InstanceId = id, CorrelationId = correlationId, ResumeTimers = true };
            return Task.Run(() => runner().RunAsync(graph.Definition, input, options, CancellationToken.None));
        });
        return started;
    }
}
