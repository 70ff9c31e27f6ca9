namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>A definition as served to clients; groups carry their children.</summary>
public sealed record ConfigDefinition(
    long Id,
    string Key,
    string Name,
    string Type,
    int Sort,
    string? Description,
    string? ValidateType,
    string? ValidateRule,
    string? Style,
    bool Visible,
    int Level,
    string? Unit,
    string? DefaultValue,
    IReadOnlyList<string> RefValues,
    long? ParentRef,
    bool Required,
    bool IsTemp,
    bool IsRetired,
    IReadOnlyList<ConfigDefinition> Children);
