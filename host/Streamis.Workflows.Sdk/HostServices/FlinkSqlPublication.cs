namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>The fields of Streamis' <c>ImportJobManagerRequest</c> that a publication carries.</summary>
public sealed record FlinkSqlPublication(
    string ProjectName,
    string StreamJobName,
    string ExecutionCode,
    string? PublishUser = null,
    string? Description = null,
    IReadOnlyList<string>? Tags = null,
    string? WorkspaceName = null,
    string? Version = null,
    string? WorkflowId = null,
    string? WorkflowName = null);
