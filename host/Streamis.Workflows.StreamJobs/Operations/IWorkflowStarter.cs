namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Starts a workflow as an instance of its own (not a child of the caller), e.g. the monitor starting an auto-restart
/// that may wait for hours. An instance id chosen by the caller makes the start happen once however often it is asked.
/// </summary>
public interface IWorkflowStarter
{
    /// <summary>True when started; false when an instance with <paramref name="instanceId"/> exists already.</summary>
    Task<bool> StartAsync(string definitionId, IReadOnlyDictionary<string, object?> input, string? instanceId, string? correlationId,
        CancellationToken cancellationToken);
}
