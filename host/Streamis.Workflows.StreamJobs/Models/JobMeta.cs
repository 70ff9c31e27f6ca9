using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>The fields of meta.json, which are also the createOrUpdate body.</summary>
public sealed record JobMeta(
    string ProjectName,
    string JobName,
    string JobType,
    JsonObject JobContent,
    string? Tags = null,
    string? Description = null,
    string? Comment = null,
    string? WorkspaceName = null)
{
    /// <summary>Reads meta.json / a request body; every missing or mistyped field is named (error 30030).</summary>
    public static JobMeta Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw Bad($"meta.json is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject root) throw Bad("meta.json must hold a JSON object");
        return Parse(root);
    }

    public static JobMeta Parse(JsonObject root)
    {
        var problems = new List<string>();
        var projectName = Text(root, "projectName", required: true, problems);
        var jobName = Text(root, "jobName", required: true, problems);
        var jobType = Text(root, "jobType", required: true, problems);
        var tags = Text(root, "tags", required: false, problems);
        var description = Text(root, "description", required: false, problems);
        var comment = Text(root, "comment", required: false, problems);
        var workspaceName = Text(root, "workspaceName", required: false, problems);
        JsonObject? content = null;
        switch (root["jobContent"])
        {
            case null: problems.Add("jobContent cannot be empty!"); break;
            case JsonObject o: content = (JsonObject)o.DeepClone(); break;
            default: problems.Add("jobContent must be a JSON object"); break;
        }
        if (problems.Count > 0) throw Bad(string.Join("; ", problems));
        return new JobMeta(projectName!, jobName!, jobType!, content!, tags, description, comment, workspaceName);
    }

    /// <summary>
    /// Length and character checks matching the columns, so an oversized field is a named 30030 rather than a
    /// database error (MySQL) or a silently stored overflow (SQLite). Names end up in paths and launch names, so no
    /// path separators or control characters.
    /// </summary>
    public void Validate()
    {
        var problems = new List<string>();
        void Check(string field, string? value, int max, bool name = false)
        {
            if (value is null) return;
            if (value.Length > max) problems.Add($"{field} is longer than {max} characters");
            if (name && (value.IndexOfAny(['/', '\\']) >= 0 || value.Any(char.IsControl) || value is "." or ".."))
                problems.Add($"{field} may not contain '/', '\\' or control characters");
        }
        Check("projectName", ProjectName, 100, name: true);
        Check("jobName", JobName, 200, name: true);
        Check("jobType", JobType, 30);
        Check("tags", Tags, 200);
        Check("description", Description, 1000);
        Check("comment", Comment, 255);
        Check("workspaceName", WorkspaceName, 100);
        if (string.IsNullOrWhiteSpace(ProjectName)) problems.Add("projectName cannot be empty!");
        if (string.IsNullOrWhiteSpace(JobName)) problems.Add("jobName cannot be empty!");
        if (string.IsNullOrWhiteSpace(JobType)) problems.Add("jobType cannot be empty!");
        if (JobContent is null) problems.Add("jobContent cannot be empty!");
        else if (JobContent.ToJsonString().Length > MaxJobContentLength) problems.Add($"jobContent is larger than {MaxJobContentLength} characters");
        if (problems.Count > 0) throw Bad(string.Join("; ", problems));
    }

    /// <summary>Generous for inline SQL, but bounded.</summary>
    public const int MaxJobContentLength = 1024 * 1024;

    private static string? Text(JsonObject root, string name, bool required, List<string> problems)
    {
        var node = root[name];
        if (node is null)
        {
            if (required) problems.Add($"{name} cannot be empty!");
            return null;
        }
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string");
            return null;
        }
        var text = value.GetValue<string>().Trim();
        if (required && text.Length == 0) problems.Add($"{name} cannot be empty!");
        return text.Length == 0 ? null : text;
    }

    private static StreamJobsException Bad(string message) => new(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid, message);
}
