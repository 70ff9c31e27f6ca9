using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>Checks a version's jobContent per job type, as Streamis' content parsers do at launch, but up front.</summary>
internal static class JobContentRules
{
    public static void Check(string jobType, JsonObject content)
    {
        switch (jobType)
        {
            case JobTypes.FlinkSql:
                var type = Text(content, "type");
                switch (type)
                {
                    case "sql":
                        if (Text(content, "sql") is null) throw Bad(ErrorCodes.JobContent, "jobContent.sql cannot be empty for type sql");
                        break;
                    case "file":
                        // Where the file is (the zip or the project's files) is JobFileResolver's question.
                        if (Text(content, "file") is null) throw Bad(ErrorCodes.JobContent, "jobContent.file cannot be empty for type file");
                        break;
                    case "bml":
                        if (Text(content, "resourceId") is null || Text(content, "version") is null)
                            throw Bad(ErrorCodes.JobContent, "jobContent.resourceId and jobContent.version are required for type bml");
                        break;
                    default:
                        throw Bad(ErrorCodes.JobContent, $"Not support jobContent type '{type}' (sql, file or bml)");
                }
                break;
            case JobTypes.FlinkJar:
                var problems = new List<string>();
                if (Text(content, "main.class.jar") is null) problems.Add("jobContent.main.class.jar cannot be empty");
                if (Text(content, "main.class") is null) problems.Add("jobContent.main.class cannot be empty");
                foreach (var list in new[] { "args", "hdfs.jars", "dependency.jars", "resources" })
                    if (content[list] is { } node && node is not JsonArray) problems.Add($"jobContent.{list} must be a list");
                if (problems.Count > 0) throw Bad(ErrorCodes.JobContent, string.Join("; ", problems));
                break;
            case JobTypes.Local:
                break;
            default:
                throw Bad(ErrorCodes.JobDefinition, $"jobType '{jobType}' is not supported (flink.sql, flink.jar, local)");
        }
    }

    private static string? Text(JsonObject content, string name) =>
        content[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null;

    private static StreamJobsException Bad(int code, string message) => new(code, StreamJobsErrorKind.Invalid, message);
}
