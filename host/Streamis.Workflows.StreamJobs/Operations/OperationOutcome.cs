using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Where an operation's workflow instance got to: its status, its outputs when it completed, and the reason when it
/// faulted (the message of the step that failed).
/// </summary>
public sealed record OperationOutcome(string InstanceId, WorkflowStatus Status, IReadOnlyDictionary<string, object?> Outputs, string? Error)
{
    public bool Succeeded => Status == WorkflowStatus.Completed;

    public bool Finished => Status is WorkflowStatus.Completed or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;

    public object? Output(string name) => Outputs.GetValueOrDefault(name);
}
