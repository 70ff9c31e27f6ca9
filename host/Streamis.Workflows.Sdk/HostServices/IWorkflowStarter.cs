namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Starts and cancels workflow instances on the host's durable runtime.</summary>
public interface IWorkflowStarter
{
    /// <summary>
    /// Queues a new instance and returns its id. With <see cref="WorkflowStartRequest.InstanceId"/> the start is
    /// idempotent: an instance that already has that id is returned as it is, so nodes racing for one start make one.
    /// An unknown definition or a bad input is a <see cref="HostRefusalException"/>.
    /// </summary>
    Task<WorkflowStart> StartAsync(WorkflowStartRequest request, CancellationToken cancellationToken);

    /// <summary>Asks for the instance to be cancelled; false when it does not exist.</summary>
    Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken);
}
