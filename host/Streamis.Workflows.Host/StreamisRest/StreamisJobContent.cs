using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>A version's stored jobContent in the parsed form <c>/jobContent</c> answers with (camel-cased jar keys).</summary>
public static class StreamisJobContent
{
    /// <param name="sqlFromFile">For a <c>file</c> SQL job, the text of that file, which Streamis answers as <c>sql</c>.</param>
    public static JsonObject ToJson(StreamJob job, StreamJobVersion version, string? sqlFromFile = null)
    {
        var content = version.JobContent;
        var result = new JsonObject { ["projectName"] = job.ProjectName, ["jobType"] = job.JobType };
        if (job.JobType == JobTypes.FlinkJar)
        {
            result["mainClassJar"] = content["main.class.jar"]?.DeepClone();
            result["mainClass"] = content["main.class"]?.DeepClone();
            result["args"] = content["args"]?.DeepClone() ?? new JsonArray();
            result["hdfsJars"] = content["hdfs.jars"]?.DeepClone() ?? new JsonArray();
            result["dependencyJars"] = content["dependency.jars"]?.DeepClone() ?? new JsonArray();
            result["resources"] = content["resources"]?.DeepClone() ?? new JsonArray();
            return result;
        }
        if (job.JobType == JobTypes.FlinkSql)
        {
            foreach (var key in new[] { "sql", "file", "resourceId", "version" })
                if (content[key] is { } value) result[key] = value.DeepClone();
            if (sqlFromFile is not null) result["sql"] = sqlFromFile;
            return result;
        }
        foreach (var (key, value) in content) result[key] = value?.DeepClone();
        return result;
    }
}
