using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>Filters and paging for instance lists; newest first.</summary>
public sealed record InstanceQuery(
    string? DefinitionId = null,
    WorkflowStatus? Status = null,
    string? CorrelationId = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int Page = 1,
    int PageSize = 50);
