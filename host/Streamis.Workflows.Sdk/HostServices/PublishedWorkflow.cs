namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>A definition version: its declared inputs and how many activities it has in all.</summary>
public sealed record PublishedWorkflow(string DefinitionId, int Version, string Name, IReadOnlyList<WorkflowInputInfo> Inputs, int ActivityCount);
