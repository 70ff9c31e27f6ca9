namespace Streamis.Workflows.Engine.Runtime;

/// <summary>A start for a definition that has no such (or no published) version.</summary>
public sealed class DefinitionNotFoundException(string definitionId, int? version)
    : Exception(version is null
        ? $"workflow definition \"{definitionId}\" has no published version"
        : $"workflow definition \"{definitionId}\" has no version {version}")
{
    public string DefinitionId { get; } = definitionId;
}
