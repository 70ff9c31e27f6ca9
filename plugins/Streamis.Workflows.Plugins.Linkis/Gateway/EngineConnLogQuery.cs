using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// The parameters of the ECM log operations (<c>engineConnLog</c>, <c>engineConnYarnLog</c>) as the Linkis client sends
/// them, and the page read back from their result <c>{logPath, logs, endLine, rows}</c>.
/// </summary>
internal static class EngineConnLogQuery
{
    /// <summary>Linkis' <c>linkis.engineconn.log.fetch.lines.max</c>: more is refused by the ECM.</summary>
    public const int MaxLines = 5000;

    public static Dictionary<string, JsonNode?> Parameters(LinkisHandle handle, JobLogRequest request, string user)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxLines);
        var parameters = new Dictionary<string, JsonNode?>
        {
            ["pageSize"] = pageSize,
            ["fromLine"] = Math.Max(1, request.FromLine),
            ["ticketId"] = handle.TicketId,
            ["creator"] = user,
            ["engineConnInstance"] = handle.EngineConn.Instance,
            ["engineConnType"] = "flink",
        };
        if (!string.IsNullOrWhiteSpace(request.IgnoreKeywords)) parameters["ignoreKeywords"] = request.IgnoreKeywords;
        if (!string.IsNullOrWhiteSpace(request.OnlyKeywords)) parameters["onlyKeywords"] = request.OnlyKeywords;
        if (request.LastRows is > 0 and var lastRows) parameters["lastRows"] = Math.Min(lastRows, MaxLines);
        return parameters;
    }

    public static JobLogPage ReadPage(JsonElement result, JobLogRequest request)
    {
        var lines = new List<string>();
        if (result.TryGetProperty("logs", out var logs) && logs.ValueKind == JsonValueKind.Array)
        {
            foreach (var line in logs.EnumerateArray()) lines.Add(line.ValueKind == JsonValueKind.String ? line.GetString()! : line.ToString());
        }
        var endLine = result.TryGetProperty("endLine", out var end) && end.TryGetInt32(out var number) ? number : 0;
        var logPath = result.TryGetProperty("logPath", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString() : null;
        // A tail is the end by definition; a page shorter than asked has reached the end of the file.
        var isEnd = request.LastRows is > 0 || lines.Count < Math.Clamp(request.PageSize, 1, MaxLines);
        return new JobLogPage(lines, endLine, isEnd, logPath);
    }
}
