namespace Streamis.Workflows.Engine.Runtime;

/// <summary>A start for a definition that has no such (or no published) version.</summary>
public sealed class DefinitionNotFoundException(string definitionId, int? version, bool hasDrafts = false)
    : Exception(version is not null ? $"workflow definition \"{definitionId}\" has no version {version}"
        : hasDrafts ? $"workflow definition \"{definitionId}\" has no published version: publish one, or start a version by number"
        : $"there is no workflow definition \"{definitionId}\"")
{
    public string DefinitionId { get; } = definitionId;
}
