using System.Text.Json.Nodes;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// A DSS workflow node "run workflow X": what DSS knows by <see cref="RefId"/> (the node's jobContent) and what a
/// submit starts — the definition (its published version, or <see cref="DefinitionVersion"/>), the input values and
/// the Streamis project whose privileges govern it.
/// </summary>
public sealed record NodeRef
{
    public required string RefId { get; init; }

    public required string NodeName { get; init; }

    public required long ProjectId { get; init; }

    public required string DefinitionId { get; init; }

    public int? DefinitionVersion { get; init; }

    /// <summary>Input values; strings may hold <c>${variable}</c> placeholders that a submit fills from DSS' variables.</summary>
    public required JsonObject Inputs { get; init; }

    /// <summary>DSS labels of the node, such as its environment route.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The DSS workflow version the node was made or copied for (<c>orcVersion</c> / <c>newVersion</c>).</summary>
    public string? FlowVersion { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What DSS stores as the node's jobContent and sends back on every later call.</summary>
    public JsonObject RefJobContent() => new() { ["refId"] = RefId };

    public JsonObject Describe() => new()
    {
        ["refId"] = RefId,
        ["nodeName"] = NodeName,
        ["projectId"] = ProjectId,
        ["definitionId"] = DefinitionId,
        ["definitionVersion"] = DefinitionVersion,
        ["inputs"] = Inputs.DeepClone(),
        ["labels"] = new JsonObject(Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
        ["flowVersion"] = FlowVersion,
        ["createdBy"] = CreatedBy,
        ["createdAt"] = CreatedAt,
        ["updatedBy"] = UpdatedBy,
        ["updatedAt"] = UpdatedAt,
    };
}
