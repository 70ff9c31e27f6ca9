namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>
/// What to start: the published version of <see cref="DefinitionId"/> (or <see cref="Version"/>) with its input.
/// The <see cref="Caller"/> travels into the instance as the input <see cref="WorkflowCaller.InputName"/>.
/// </summary>
public sealed record WorkflowStartRequest(
    string DefinitionId,
    IReadOnlyDictionary<string, object?> Input,
    WorkflowCaller Caller,
    string? CorrelationId = null,
    int? Version = null,
    string? InstanceId = null);
