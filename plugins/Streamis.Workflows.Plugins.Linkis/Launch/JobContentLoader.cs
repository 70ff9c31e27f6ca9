using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>
/// Reads a version's Streamis jobContent and makes it launchable: SQL given inline, in one of the version's files or in
/// BML; a jar job's main jar, dependency jars and resources uploaded to BML from the host's copies. A bad content is
/// refused naming the field, before anything is sent to Linkis.
/// </summary>
internal sealed class JobContentLoader(BmlClient bml)
{
    public static void Check(JobLaunchRequest request) => _ = Parse(request);

    public async Task<FlinkJobContent> LoadAsync(JobLaunchRequest request, string user, CancellationToken cancellationToken)
    {
        var content = Parse(request);
        if (request.JobType == LinkisFlinkLauncher.SqlJobType)
        {
            var type = Text(content, "type");
            return type switch
            {
                "sql" => new SqlJobContent(Text(content, "sql")!),
                "file" => new SqlJobContent(await File.ReadAllTextAsync(LocalFile(request, Text(content, "file")!, "file").LocalPath, cancellationToken).ConfigureAwait(false)),
                _ => new SqlJobContent(Encoding.UTF8.GetString(
                    await bml.DownloadAsync(Text(content, "resourceId")!, Text(content, "version")!, user, cancellationToken).ConfigureAwait(false))),
            };
        }

        var mainJar = await UploadAsync(request, Text(content, "main.class.jar")!, "main.class.jar", user, cancellationToken).ConfigureAwait(false);
        List<BmlResource>? dependencies = null;
        if (content["dependency.jars"] is JsonArray)
        {
            dependencies = [];
            foreach (var name in List(content, "dependency.jars"))
                dependencies.Add(await UploadAsync(request, name, "dependency.jars", user, cancellationToken).ConfigureAwait(false));
        }
        var resources = new List<BmlResource>();
        foreach (var name in List(content, "resources"))
            resources.Add(await UploadAsync(request, name, "resources", user, cancellationToken).ConfigureAwait(false));
        return new JarJobContent(mainJar, Text(content, "main.class")!, List(content, "args"), List(content, "hdfs.jars"), dependencies, resources);
    }

    private static JsonObject Parse(JobLaunchRequest request)
    {
        if (request.JobType is not (LinkisFlinkLauncher.SqlJobType or LinkisFlinkLauncher.JarJobType))
            throw new ArgumentException($"The linkis-flink engine runs jobs of type {LinkisFlinkLauncher.SqlJobType} or {LinkisFlinkLauncher.JarJobType}, not '{request.JobType}'.");
        JsonObject content;
        try
        {
            content = JsonNode.Parse(string.IsNullOrWhiteSpace(request.JobContentJson) ? "null" : request.JobContentJson) as JsonObject
                ?? throw new ArgumentException("jobContent must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"jobContent is not valid JSON: {e.Message}");
        }
        var problems = new List<string>();
        if (request.JobType == LinkisFlinkLauncher.SqlJobType)
        {
            switch (Text(content, "type"))
            {
                case "sql" when Text(content, "sql") is null:
                    problems.Add("jobContent.sql cannot be empty for type sql");
                    break;
                case "file" when Text(content, "file") is not { } file:
                    problems.Add("jobContent.file cannot be empty for type file");
                    break;
                case "file":
                    if (request.Resources.All(r => r.FileName != Text(content, "file"))) problems.Add($"jobContent.file '{Text(content, "file")}' is not among the version's files");
                    break;
                case "bml" when Text(content, "resourceId") is null || Text(content, "version") is null:
                    problems.Add("jobContent.resourceId and jobContent.version are required for type bml");
                    break;
                case "sql" or "bml":
                    break;
                case var other:
                    problems.Add($"jobContent.type must be sql, file or bml, not '{other}'");
                    break;
            }
        }
        else
        {
            if (Text(content, "main.class.jar") is null) problems.Add("jobContent.main.class.jar cannot be empty");
            if (Text(content, "main.class") is null) problems.Add("jobContent.main.class cannot be empty");
            foreach (var list in new[] { "args", "hdfs.jars", "dependency.jars", "resources" })
            {
                if (content[list] is { } node && node is not JsonArray) problems.Add($"jobContent.{list} must be a list");
            }
        }
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems) + ".");
        return content;
    }

    private async Task<BmlResource> UploadAsync(JobLaunchRequest request, string name, string field, string user, CancellationToken cancellationToken)
    {
        var file = LocalFile(request, name, field);
        var bytes = await File.ReadAllBytesAsync(file.LocalPath, cancellationToken).ConfigureAwait(false);
        return await bml.UploadAsync(bytes, name, user, cancellationToken).ConfigureAwait(false);
    }

    private static JobResourceFile LocalFile(JobLaunchRequest request, string name, string field)
    {
        var file = request.Resources.FirstOrDefault(r => r.FileName == name)
            ?? throw new ArgumentException($"jobContent.{field} names '{name}', which is not among the files of version {request.Version}.");
        if (!File.Exists(file.LocalPath))
            throw new InvalidOperationException($"The host's copy of '{name}' (version {request.Version}) is missing: {file.LocalPath}.");
        return file;
    }

    private static string? Text(JsonObject content, string name) =>
        content[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } text ? text : null;

    private static List<string> List(JsonObject content, string name) =>
        content[name] is JsonArray array ? array.Select(item => item?.ToString().Trim() ?? "").Where(item => item.Length > 0).ToList() : [];
}
