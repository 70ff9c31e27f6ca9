using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// The per-item table of a run for DSS' result set: the output that is a list of records (a bulk run's per-job
/// <c>items</c> or a ParallelForEach's <c>results</c>), as columns in first-seen order and one row per record.
/// </summary>
internal static class ResultTable
{
    private static readonly string[] Preferred = ["items", "results"];

    public static JsonObject? From(IReadOnlyDictionary<string, object?> outputs)
    {
        var candidates = Preferred.Where(outputs.ContainsKey).Concat(outputs.Keys.Except(Preferred).Order(StringComparer.Ordinal));
        foreach (var name in candidates)
        {
            if (outputs[name] is not IEnumerable<object?> list) continue;
            var records = list.ToList();
            if (records.Count == 0 || !records.All(r => r is IReadOnlyDictionary<string, object?> or IDictionary<string, object?>)) continue;
            var rows = records.Select(r => (IEnumerable<KeyValuePair<string, object?>>)r!).ToList();
            var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
            var table = new JsonArray();
            foreach (var row in rows)
            {
                var cells = row.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                table.Add(new JsonArray(columns.Select(c => Node(cells.GetValueOrDefault(c))).ToArray()));
            }
            return new JsonObject { ["source"] = name, ["columns"] = new JsonArray(columns.Select(c => (JsonNode?)c).ToArray()), ["rows"] = table };
        }
        return null;
    }

    public static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value);
}
