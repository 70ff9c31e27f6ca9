namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>An instance with its input, its outputs (once completed) and the messages of the failures that faulted it.</summary>
public sealed record WorkflowInstanceDetails(
    WorkflowInstanceSummary Summary,
    IReadOnlyDictionary<string, object?> Input,
    IReadOnlyDictionary<string, object?> Output,
    IReadOnlyList<string> Incidents);
