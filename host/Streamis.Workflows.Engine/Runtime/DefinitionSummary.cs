namespace Streamis.Workflows.Engine.Runtime;

/// <summary>A definition as listed: its newest version and the published one.</summary>
public sealed record DefinitionSummary(
    string DefinitionId,
    string Name,
    string? Description,
    int LatestVersion,
    int? PublishedVersion,
    DateTimeOffset UpdatedAt);
