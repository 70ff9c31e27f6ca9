namespace Streamis.Workflows.Engine.Runtime;

/// <summary>An instance a worker holds the lease of: its state and the work due for it.</summary>
public sealed record LoadedInstance(string InstanceId, string DefinitionId, int DefinitionVersion, string StateJson, IReadOnlyList<StoredWorkItem> Items);
