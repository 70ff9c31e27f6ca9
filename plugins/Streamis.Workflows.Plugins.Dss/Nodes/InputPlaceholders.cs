using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// DSS' variables in a node's inputs: every <c>${name}</c> in a string value (at any depth) becomes the variable's
/// value; a placeholder with no such variable stays as written. An input the workflow declares and the node leaves
/// out takes the variable of the same name (<c>run_date</c> for a workflow with a <c>run_date</c> input).
/// </summary>
internal static partial class InputPlaceholders
{
    public static Dictionary<string, object?> Fill(JsonObject inputs, IReadOnlyDictionary<string, string> variables, IEnumerable<string> declaredInputs)
    {
        var filled = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs) filled[name] = Fill(value, variables);
        foreach (var name in declaredInputs)
            if (!filled.ContainsKey(name) && variables.TryGetValue(name, out var variable)) filled[name] = variable;
        return filled;
    }

    private static JsonNode? Fill(JsonNode? node, IReadOnlyDictionary<string, string> variables) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            JsonValue.Create(Placeholder().Replace(value.GetValue<string>(), m => variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)),
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Fill(p.Value, variables)))),
        JsonArray list => new JsonArray(list.Select(i => Fill(i, variables)).ToArray()),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
