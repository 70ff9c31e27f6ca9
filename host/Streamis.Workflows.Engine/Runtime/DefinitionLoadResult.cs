namespace Streamis.Workflows.Engine.Runtime;

/// <summary>What became of one workflow file at start-up.</summary>
public sealed record DefinitionLoadResult(string File, string? DefinitionId, int? Version, bool Published, IReadOnlyList<string> Problems);
