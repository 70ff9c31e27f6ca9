namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>A project and its three user lists (release ⊇ edit ⊇ access) as the system of record has them.</summary>
public sealed record SyncedProject(
    string Name,
    long? WorkspaceId,
    string? Description,
    IReadOnlyList<string> ReleaseUsers,
    IReadOnlyList<string> EditUsers,
    IReadOnlyList<string> AccessUsers);
