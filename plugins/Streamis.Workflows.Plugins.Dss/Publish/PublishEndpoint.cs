using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Publish;

/// <summary>
/// A DSS/Streamis "publish" of a Flink SQL workflow as a job version, over REST: the body has the fields of
/// Streamis' <c>ImportJobManagerRequest</c> (which Streamis only takes over Linkis RPC), and the answer those of its
/// <c>ImportJobManagerResponse</c> (<c>status</c>, <c>streamJobId</c>, <c>errorMessage</c>) plus the new version.
/// </summary>
internal static class PublishEndpoint
{
    public const string Path = "/api/rest_j/v1/streamis/dss/job/publish";

    /// <summary>Streamis stores every publication as flink.sql, whatever its parser calls the DSS flow.</summary>
    private static readonly string[] PublishableTypes = ["flink.sql", "flink.workflow", "sql"];

    public static void MapPublish(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, PublishAsync).WithTags("DSS publish").AnswersInEnvelope();

    private static async Task<IResult> PublishAsync(HttpContext context, IStreamJobPublisher publisher, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var jobName = body.Text("streamJobName", required: true, maxLength: 200);
        var type = body.Text("type", maxLength: 30);
        var code = body.Text("executionCode", required: true, maxLength: 1024 * 1024);
        var project = body.Text("projectName", required: true, maxLength: 100);
        var publication = new FlinkSqlPublication(project ?? "", jobName ?? "", code ?? "",
            PublishUser: body.Text("publishUser", maxLength: 64),
            Description: body.Text("description", maxLength: 1000),
            Tags: Tags(body),
            WorkspaceName: body.Text("workspaceName", maxLength: 100),
            Version: body.Text("version", maxLength: 64),
            WorkflowId: Identifier(body, "workflowId"),
            WorkflowName: body.Text("workflowName", maxLength: 200));
        if (type is not null && !PublishableTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            body.Problem($"type \"{type}\" cannot be published here: only Flink SQL ({string.Join(", ", PublishableTypes)})");
        body.ThrowIfInvalid();
        var published = await publisher.PublishFlinkSqlAsync(publication, context.User, ct);
        return ContractReply.Ok(context, new JsonObject
        {
            ["status"] = 0,
            ["streamJobId"] = published.JobId,
            ["jobVersion"] = published.Version,
            ["created"] = published.Created,
            ["errorMessage"] = "Publish succeed.",
        });
    }

    /// <summary>A list of strings, or one comma-separated string (as the job's <c>label</c> stores them).</summary>
    private static IReadOnlyList<string>? Tags(JsonRequest body)
    {
        if (body.Body["tags"] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            return text.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return body.TextList("tags")?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
    }

    /// <summary>DSS' workflow id is a number; kept as text in the jobContent, as Streamis does.</summary>
    private static string? Identifier(JsonRequest body, string name) =>
        body.Body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.ToString() : body.Text(name, maxLength: 64);
}
