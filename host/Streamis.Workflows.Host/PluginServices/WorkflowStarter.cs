using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>Starts instances for plugins on the durable runtime, with the caller as the <c>startedBy</c> input.</summary>
public sealed class WorkflowStarter(WorkflowRuntime runtime, IInstanceStore instances) : IWorkflowStarter
{
    public async Task<WorkflowStart> StartAsync(WorkflowStartRequest request, CancellationToken cancellationToken)
    {
        // Set last, so a caller's own "startedBy" value cannot pose as someone else.
        var input = new Dictionary<string, object?>(request.Input) { [WorkflowCaller.InputName] = request.Caller.ToInput() };
        if (request.InstanceId is { } id && await instances.GetAsync(id, cancellationToken) is not null) return new WorkflowStart(id, Created: false);
        try
        {
            var started = await runtime.StartWorkflowAsync(request.DefinitionId, input, request.CorrelationId, request.Version, request.InstanceId, cancellationToken);
            return new WorkflowStart(started, Created: true);
        }
        catch (DefinitionNotFoundException e)
        {
            throw new HostRefusalException(RefusalKind.NotFound, e.Message);
        }
        catch (WorkflowDataException e)
        {
            throw new HostRefusalException(RefusalKind.Invalid, string.Join("; ", e.Problems.Select(p => p.ToString())));
        }
        catch (Exception) when (request.InstanceId is not null && !cancellationToken.IsCancellationRequested)
        {
            // Another node stored an instance under the same id between the look-up and the insert.
            if (await instances.GetAsync(request.InstanceId, CancellationToken.None) is not null) return new WorkflowStart(request.InstanceId, Created: false);
            throw;
        }
    }

    public Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken) => runtime.CancelAsync(instanceId, cancellationToken);
}
