using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>Job and task ids in Streamis bodies, which the web UI sends as numbers or as numeric strings.</summary>
public static class StreamisIds
{
    /// <summary>One id; <paramref name="what"/> names what the field holds in the refusal ("job ids").</summary>
    public static long One(JsonNode? node, string field, string what) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var id) && id > 0 => id,
        JsonValue s when s.GetValueKind() == JsonValueKind.String => StreamisQuery.Long(field, s.GetValue<string>()),
        null => throw new StreamisRequestException($"{field} cannot be empty!"),
        _ => throw new StreamisRequestException($"{field} must hold {what}, not {node.ToJsonString()}"),
    };

    /// <summary>A list of ids, at most <paramref name="max"/>; a missing list is refused with <paramref name="missingMessage"/>.</summary>
    public static IReadOnlyList<long> List(JsonNode? node, string field, string what, int max, string missingMessage)
    {
        if (node is not JsonArray list) throw new StreamisRequestException(missingMessage);
        if (list.Count > max) throw new StreamisRequestException($"{field} may hold at most {max} ids");
        return list.Select(item => One(item, field, what)).ToList();
    }
}
