using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Dss.Http;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// A node ref as an exported document, for a DSS publish to carry from one environment to another (the Java
/// AppConn keeps it in BML): everything but the ids, which the importing host gives anew.
/// </summary>
internal static class NodeRefDocument
{
    public const string Format = "streamis-dss-node/1";

    public static JsonObject Of(NodeRef node) => new()
    {
        ["format"] = Format,
        ["nodeName"] = node.NodeName,
        ["definitionId"] = node.DefinitionId,
        ["definitionVersion"] = node.DefinitionVersion,
        ["inputs"] = node.Inputs.DeepClone(),
        ["labels"] = new JsonObject(node.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
        ["flowVersion"] = node.FlowVersion,
    };

    /// <summary>The document's fields, each problem named by its path under <c>document</c>.</summary>
    public static (string NodeName, string DefinitionId, int? Version, JsonObject Inputs, IReadOnlyDictionary<string, string> Labels, string? FlowVersion) Read(JsonObject document)
    {
        var problems = new List<string>();
        if (document["format"]?.ToString() != Format) problems.Add($"document.format must be \"{Format}\"");
        var nodeName = Text(document, "nodeName", problems);
        var definitionId = Text(document, "definitionId", problems);
        int? version = null;
        if (document["definitionVersion"] is JsonValue v)
        {
            if (v.TryGetValue<int>(out var number) && number > 0) version = number;
            else problems.Add("document.definitionVersion must be a positive whole number");
        }
        var inputs = document["inputs"] switch
        {
            null => [],
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => Problem<JsonObject>(problems, "document.inputs must be a JSON object"),
        };
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document["labels"] is JsonObject given)
            foreach (var (key, value) in given) labels[key] = value?.ToString() ?? "";
        if (problems.Count > 0) throw new ContractRequestException(string.Join("; ", problems));
        return (nodeName!, definitionId!, version, inputs!, labels, document["flowVersion"]?.ToString());
    }

    private static string? Text(JsonObject document, string name, List<string> problems) =>
        document[name]?.ToString().Trim() is { Length: > 0 } text ? text : Problem<string>(problems, $"document.{name} cannot be empty!");

    private static T? Problem<T>(List<string> problems, string message) where T : class
    {
        problems.Add(message);
        return null;
    }
}
