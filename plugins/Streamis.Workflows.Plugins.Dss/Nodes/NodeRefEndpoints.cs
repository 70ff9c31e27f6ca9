using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// Our development contract, part one: a DSS node's ref — create (→ the <c>refJobContent</c> DSS keeps), update,
/// delete, copy, export and import, and a read for the node's page. Calls are POSTs with JSON bodies (nginx in front
/// of DSS blocks DELETE with a body, which is why Visualis and Exchangis delete with POST too).
/// </summary>
internal static class NodeRefEndpoints
{
    public const string Prefix = "/api/rest_j/v1/streamis/dss/node/ref";

    private const int MaxNodeName = 128;
    private const int MaxDefinitionId = 128;

    public static void MapNodeRefs(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("DSS nodes").AnswersInEnvelope();
        group.MapPost("/create", CreateAsync);
        group.MapPost("/update", UpdateAsync);
        group.MapPost("/delete", DeleteAsync);
        group.MapPost("/copy", CopyAsync);
        group.MapPost("/export", ExportAsync);
        group.MapPost("/import", ImportAsync);
        group.MapGet("/get", GetAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, NodeAccess access, NodeRefStore store, IWorkflowCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var nodeName = body.Text("nodeName", required: true, maxLength: MaxNodeName);
        var definitionId = body.Text("definitionId", required: true, maxLength: MaxDefinitionId);
        var version = Version(body);
        var inputs = body.Map("inputs") ?? [];
        var projectId = body.Number("refProjectId", required: true);
        var labels = body.Labels("labels");
        var flowVersion = body.Text("orcVersion", maxLength: 64);
        body.ThrowIfInvalid();
        var caller = Caller.Of(context);
        await access.RequireAsync(caller, projectId!.Value, ProjectRank.Edit, ct);
        await NodeWorkflow.CheckAsync(catalog, definitionId!, version, inputs, "inputs", ct);
        var now = clock.GetUtcNow();
        var node = new NodeRef
        {
            RefId = NodeRefStore.NewId(), NodeName = nodeName!, ProjectId = projectId.Value, DefinitionId = definitionId!, DefinitionVersion = version,
            Inputs = inputs, Labels = labels ?? new Dictionary<string, string>(), FlowVersion = flowVersion,
            CreatedBy = caller.Name, CreatedAt = now, UpdatedBy = caller.Name, UpdatedAt = now,
        };
        await store.SaveAsync(node, ct);
        return Answer(context, node);
    }

    /// <summary>Changes what is given; the workflow and inputs are checked together, as a submit will use them.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, NodeAccess access, NodeRefStore store, IWorkflowCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var nodeName = body.Text("nodeName", maxLength: MaxNodeName);
        var definitionId = body.Text("definitionId", maxLength: MaxDefinitionId);
        var version = Version(body);
        var inputs = body.Map("inputs");
        var labels = body.Labels("labels");
        var caller = Caller.Of(context);
        var node = await access.RefAsync(body, caller, ProjectRank.Edit, ct);
        var updated = node with
        {
            NodeName = nodeName ?? node.NodeName,
            DefinitionId = definitionId ?? node.DefinitionId,
            DefinitionVersion = body.Body.ContainsKey("definitionVersion") || definitionId is not null ? version : node.DefinitionVersion,
            Inputs = inputs ?? node.Inputs,
            Labels = labels ?? node.Labels,
            UpdatedBy = caller.Name,
            UpdatedAt = clock.GetUtcNow(),
        };
        await NodeWorkflow.CheckAsync(catalog, updated.DefinitionId, updated.DefinitionVersion, updated.Inputs, "inputs", ct);
        await store.SaveAsync(updated, ct);
        return Answer(context, updated);
    }

    /// <summary>Runs already started carry on; deleting a ref that is gone is a success, as DSS may delete twice.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, NodeAccess access, NodeRefStore store, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var content = body.Map("refJobContent", required: true);
        body.ThrowIfInvalid();
        var refId = NodeAccess.RefIdOf(content!);
        if (await store.FindAsync(refId, ct) is not { } node) return ContractReply.Ok(context, message: $"node ref {refId} was already deleted");
        await access.RequireAsync(Caller.Of(context), node.ProjectId, ProjectRank.Edit, ct);
        store.Delete(refId);
        return ContractReply.Ok(context);
    }

    /// <summary>A new ref like the old one, for DSS' workflow copy and new workflow versions; into another project when named.</summary>
    private static async Task<IResult> CopyAsync(HttpContext context, NodeAccess access, NodeRefStore store, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var nodeName = body.Text("nodeName", maxLength: MaxNodeName);
        var flowVersion = body.Text("newVersion", maxLength: 64);
        var projectId = body.Number("refProjectId");
        var caller = Caller.Of(context);
        var node = await access.RefAsync(body, caller, ProjectRank.Access, ct);
        var target = projectId ?? node.ProjectId;
        await access.RequireAsync(caller, target, ProjectRank.Edit, ct);
        var now = clock.GetUtcNow();
        var copy = node with
        {
            RefId = NodeRefStore.NewId(), NodeName = nodeName ?? node.NodeName, ProjectId = target, Inputs = (JsonObject)node.Inputs.DeepClone(),
            FlowVersion = flowVersion ?? node.FlowVersion, CreatedBy = caller.Name, CreatedAt = now, UpdatedBy = caller.Name, UpdatedAt = now,
        };
        await store.SaveAsync(copy, ct);
        return Answer(context, copy);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, NodeAccess access, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var node = await access.RefAsync(body, Caller.Of(context), ProjectRank.Access, ct);
        return ContractReply.Ok(context, new JsonObject { ["document"] = NodeRefDocument.Of(node) });
    }

    /// <summary>A new ref from an exported document, in the importing host's project; its workflow must be published here.</summary>
    private static async Task<IResult> ImportAsync(HttpContext context, NodeAccess access, NodeRefStore store, IWorkflowCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var document = body.Map("document", required: true);
        var projectId = body.Number("refProjectId", required: true);
        var nodeName = body.Text("nodeName", maxLength: MaxNodeName);
        var flowVersion = body.Text("newVersion", maxLength: 64);
        body.ThrowIfInvalid();
        var read = NodeRefDocument.Read(document!);
        var caller = Caller.Of(context);
        await access.RequireAsync(caller, projectId!.Value, ProjectRank.Edit, ct);
        await NodeWorkflow.CheckAsync(catalog, read.DefinitionId, read.Version, read.Inputs, "document.inputs", ct);
        var now = clock.GetUtcNow();
        var node = new NodeRef
        {
            RefId = NodeRefStore.NewId(), NodeName = nodeName ?? read.NodeName, ProjectId = projectId.Value, DefinitionId = read.DefinitionId,
            DefinitionVersion = read.Version, Inputs = read.Inputs, Labels = read.Labels, FlowVersion = flowVersion ?? read.FlowVersion,
            CreatedBy = caller.Name, CreatedAt = now, UpdatedBy = caller.Name, UpdatedAt = now,
        };
        await store.SaveAsync(node, ct);
        return Answer(context, node);
    }

    private static async Task<IResult> GetAsync(HttpContext context, NodeAccess access, CancellationToken ct)
    {
        var refId = QueryParameters.Text(context.Request, "refId", required: true)!;
        if (!NodeRefStore.IsId(refId)) throw new ContractRequestException($"refId \"{refId}\" is not a node ref id (32 hex digits)");
        var node = await access.FindAsync(refId, ct);
        await access.RequireAsync(Caller.Of(context), node.ProjectId, ProjectRank.Access, ct);
        return ContractReply.Ok(context, new JsonObject { ["ref"] = node.Describe() });
    }

    private static int? Version(JsonRequest body)
    {
        var version = body.Number("definitionVersion");
        if (version is null) return null;
        if (version is >= 1 and <= int.MaxValue) return (int)version;
        body.Problem("definitionVersion must be 1 or more");
        return null;
    }

    private static IResult Answer(HttpContext context, NodeRef node) =>
        ContractReply.Ok(context, new JsonObject { ["refJobContent"] = node.RefJobContent(), ["ref"] = node.Describe() });
}
