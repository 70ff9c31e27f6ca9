using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>
/// The files a jobContent names, read as Streamis' content parsers read them: a flink.sql job's <c>file</c> (type file),
/// a flink.jar job's <c>main.class.jar</c>, <c>dependency.jars</c> and <c>resources</c>, a local job's <c>resources</c>.
/// <c>hdfs.jars</c> are paths on the cluster, not files of the host, and are left alone.
/// </summary>
internal static class JobFileReferences
{
    public static IReadOnlyList<JobFileReference> Of(string jobType, JsonObject content)
    {
        var references = new List<JobFileReference>();
        switch (jobType)
        {
            case JobTypes.FlinkSql when Text(content["type"]) == "file":
                Add(references, "file", content["file"]);
                break;
            case JobTypes.FlinkJar:
                Add(references, "main.class.jar", content["main.class.jar"]);
                AddAll(references, "dependency.jars", content["dependency.jars"]);
                AddAll(references, "resources", content["resources"]);
                break;
            case JobTypes.Local:
                AddAll(references, "resources", content["resources"]);
                break;
        }
        return references;
    }

    private static void AddAll(List<JobFileReference> references, string field, JsonNode? node)
    {
        if (node is not JsonArray list) return;
        foreach (var item in list) Add(references, field, item);
    }

    private static void Add(List<JobFileReference> references, string field, JsonNode? node)
    {
        if (Text(node) is { } name && references.All(r => r.Name != name)) references.Add(new JobFileReference("jobContent." + field, name));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } text ? text : null;
}
