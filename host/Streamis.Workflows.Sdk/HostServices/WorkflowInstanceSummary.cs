namespace Streamis.Workflows.Sdk.HostServices;

public sealed record WorkflowInstanceSummary(
    string InstanceId,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowInstanceStatus Status,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
