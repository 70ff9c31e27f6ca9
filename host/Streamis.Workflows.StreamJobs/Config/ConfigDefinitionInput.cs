namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>What an admin gives to add or change a definition; <see cref="ParentKey"/> null makes a root group.</summary>
public sealed record ConfigDefinitionInput(
    string Key,
    string Name,
    string Type,
    string? ParentKey = null,
    int Sort = 0,
    string? Description = null,
    string? ValidateType = null,
    string? ValidateRule = null,
    string? DefaultValue = null,
    IReadOnlyList<string>? RefValues = null,
    bool Required = false,
    bool IsTemp = false,
    string? Unit = null,
    string? Style = null,
    bool Visible = true);
