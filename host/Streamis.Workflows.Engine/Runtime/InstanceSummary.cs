using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>An instance as listed (never with its state). <see cref="SubStatus"/> adds Executing while a worker holds it.</summary>
public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string SubStatus,
    string? CorrelationId,
    string? Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    int IncidentCount);
