using Streamis.Workflows.Engine.Runtime;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>Starts instances on the durable runtime; the store's unique instance id settles who started one first.</summary>
public sealed class RuntimeWorkflowStarter(WorkflowRuntime runtime) : IWorkflowStarter
{
    public async Task<bool> StartAsync(string definitionId, IReadOnlyDictionary<string, object?> input, string? instanceId, string? correlationId,
        CancellationToken cancellationToken)
    {
        if (instanceId is not null && await runtime.Instances.GetAsync(instanceId, cancellationToken) is not null) return false;
        try
        {
            await runtime.StartWorkflowAsync(definitionId, input, correlationId, instanceId: instanceId, cancellationToken: cancellationToken);
            return true;
        }
        catch (InvalidOperationException) when (instanceId is not null)
        {
            // Another node (or a repeat of the same activity) stored it between the look and the start.
            if (await runtime.Instances.GetAsync(instanceId, CancellationToken.None) is not null) return false;
            throw;
        }
    }
}
