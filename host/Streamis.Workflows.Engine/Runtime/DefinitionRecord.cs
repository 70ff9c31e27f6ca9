namespace Streamis.Workflows.Engine.Runtime;

/// <summary>One stored version of a definition; <see cref="Hash"/> identifies its content.</summary>
public sealed record DefinitionRecord(
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsLatest,
    bool IsPublished,
    string Json,
    string Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
