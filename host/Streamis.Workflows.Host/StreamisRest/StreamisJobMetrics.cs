using System.Globalization;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// An engine's figures in the three lists of <c>job/details</c>, with Streamis' field names and its text forms
/// ("100 Records/S"); sizes and times carry their unit, since Streamis' samples leave theirs unsaid.
/// </summary>
public static class StreamisJobMetrics
{
    public static void AddTo(JsonObject details, JobMetrics metrics)
    {
        details["dataNumber"] = new JsonArray(metrics.Counts.Select(c => (JsonNode)new JsonObject
        {
            ["dataName"] = c.Name,
            ["dataNumber"] = c.Count,
        }).ToArray());
        details["loadCondition"] = new JsonArray(metrics.Load.Select(l => (JsonNode)new JsonObject
        {
            ["type"] = l.Type,
            ["host"] = l.Host,
            ["memory"] = Megabytes(l.MemoryBytes),
            ["totalMemory"] = l.TotalMemoryBytes is { } total ? Megabytes(total) : null,
            ["gcTotalTime"] = l.GcTotalTime is { } gcTotal ? Milliseconds(gcTotal) : null,
            ["gcLastConsume"] = l.GcLastPause is { } pause ? Milliseconds(pause) : null,
            ["gcLastTime"] = l.GcLastTime?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        }).ToArray());
        details["realTimeTraffic"] = new JsonArray(metrics.Traffic.Select(t => (JsonNode)new JsonObject
        {
            ["sourceKey"] = t.Source,
            ["sourceSpeed"] = Speed(t.SourceRecordsPerSecond),
            ["transformKey"] = t.Transform,
            ["sinkKey"] = t.Sink,
            ["sinkSpeed"] = Speed(t.SinkRecordsPerSecond),
        }).ToArray());
    }

    private static string Speed(double recordsPerSecond) => recordsPerSecond.ToString("0.#", CultureInfo.InvariantCulture) + " Records/S";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
