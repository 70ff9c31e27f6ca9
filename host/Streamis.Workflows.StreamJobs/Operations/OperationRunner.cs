using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Runs an operation's workflow for a caller that answers synchronously (the Streamis API): the instance runs on the
/// durable runtime like any other, with its journal, and the caller waits until it has finished or the wait is over.
/// </summary>
public sealed class OperationRunner(WorkflowRuntime runtime, TimeProvider clock)
{
    /// <summary>While a workflow waits on a timer it is at rest but not finished; look again this often.</summary>
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the published <paramref name="definitionId"/> with <paramref name="input"/> and waits up to <paramref name="wait"/>.</summary>
    public async Task<OperationOutcome> RunAsync(string definitionId, IReadOnlyDictionary<string, object?> input, TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = await runtime.RunWorkflowAsync(definitionId, input, cancellationToken: cancellationToken);
        return await WaitAsync(started.Id, wait, cancellationToken);
    }

    /// <summary>Waits until the instance has finished (completed, faulted, cancelled) or <paramref name="wait"/> has passed.</summary>
    public async Task<OperationOutcome> WaitAsync(string instanceId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var left = deadline - clock.GetUtcNow();
            var summary = await runtime.WaitAsync(instanceId, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken)
                ?? throw new InvalidOperationException($"workflow instance {instanceId} vanished");
            var finished = summary.Status is WorkflowStatus.Completed or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;
            if (finished || clock.GetUtcNow() >= deadline) return await OutcomeAsync(instanceId, summary.Status, cancellationToken);
            await Task.Delay(RecheckInterval, clock, cancellationToken);
        }
    }

    private async Task<OperationOutcome> OutcomeAsync(string instanceId, WorkflowStatus status, CancellationToken cancellationToken)
    {
        var json = await runtime.Instances.GetStateAsync(instanceId, cancellationToken);
        var state = json is null ? null : InstanceStateSerializer.Deserialize(json);
        var error = status switch
        {
            WorkflowStatus.Faulted => state?.Incidents.LastOrDefault()?.Message ?? "the operation failed",
            WorkflowStatus.Cancelled => "the operation was cancelled",
            _ => null,
        };
        return new OperationOutcome(instanceId, status, state?.Output ?? new Dictionary<string, object?>(), error);
    }
}
