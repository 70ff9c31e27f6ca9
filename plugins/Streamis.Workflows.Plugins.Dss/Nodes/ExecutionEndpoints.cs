using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>
/// Our development contract, part two: running a node. Submit starts the node's workflow and answers the execution
/// id (the instance id); DSS then polls state about once a second with no time-out, so state reads one summary row
/// and never fails for a run that exists; result, kill, progress and log lines serve the rest of DSS' protocol.
/// </summary>
internal static class ExecutionEndpoints
{
    public const string Prefix = "/api/rest_j/v1/streamis/dss/node/execution";

    public static void MapNodeExecutions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("DSS nodes").AnswersInEnvelope();
        group.MapPost("/submit", SubmitAsync);
        group.MapGet("/state", StateAsync);
        group.MapGet("/result", ResultAsync);
        group.MapPost("/kill", KillAsync);
        group.MapGet("/progress", ProgressAsync);
        group.MapGet("/log", LogAsync);
    }

    /// <summary>
    /// Runs the node's workflow as <c>user</c> (the caller; a host admin, such as a gateway token, may name another user)
    /// with DSS' variables filled into its inputs, and the workspace and labels as <c>startedBy</c>.
    /// </summary>
    private static async Task<IResult> SubmitAsync(HttpContext context, NodeAccess access, IWorkflowCatalog catalog, IWorkflowStarter starter, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var variables = body.Labels("variables") ?? new Dictionary<string, string>();
        var user = body.Text("user", maxLength: 64);
        var workspace = body.Text("workspace", maxLength: 100);
        var labels = body.Labels("labels");
        var caller = Caller.Of(context);
        var node = await access.RefAsync(body, caller, ProjectRank.Edit, ct);
        if (user is not null && user != caller.Name && !caller.IsAdmin)
            throw new HostRefusalException(RefusalKind.Forbidden, $"user \"{user}\" is not the caller \"{caller.Name}\": only a host admin may submit for another user",
                StreamisCodes.NoPrivilege);
        var workflow = await NodeWorkflow.CheckAsync(catalog, node.DefinitionId, node.DefinitionVersion, node.Inputs, "inputs", ct);
        var submitter = user ?? caller.Name;
        var input = InputPlaceholders.Fill(node.Inputs, variables, workflow.Inputs.Select(i => i.Name));
        var start = await starter.StartAsync(new WorkflowStartRequest(node.DefinitionId, input,
            new WorkflowCaller(submitter, workspace ?? caller.Workspace, labels ?? node.Labels),
            new DssExecution(node.ProjectId, node.RefId, submitter).CorrelationId, node.DefinitionVersion), ct);
        return ContractReply.Ok(context, new JsonObject { ["executionId"] = start.InstanceId, ["state"] = DssExecutionState.Accepted });
    }

    private static async Task<IResult> StateAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, CancellationToken ct)
    {
        var summary = await RunAsync(context, access, instances, ProjectRank.Access, ct);
        var state = DssExecutionState.Of(summary.Status);
        return ContractReply.Ok(context, new JsonObject
        {
            ["executionId"] = summary.InstanceId,
            ["state"] = state,
            ["completed"] = DssExecutionState.IsCompleted(state),
            ["status"] = summary.Status.ToString(),
        });
    }

    /// <summary>The outputs, the per-item table when an output is a list of records, and why it failed when it did.</summary>
    private static async Task<IResult> ResultAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, CancellationToken ct)
    {
        var summary = await RunAsync(context, access, instances, ProjectRank.Access, ct);
        var details = await instances.GetDetailsAsync(summary.InstanceId, ct);
        var state = DssExecutionState.Of(details?.Summary.Status ?? summary.Status);
        var outputs = details?.Output ?? new Dictionary<string, object?>();
        return ContractReply.Ok(context, new JsonObject
        {
            ["executionId"] = summary.InstanceId,
            ["state"] = state,
            ["completed"] = DssExecutionState.IsCompleted(state),
            ["outputs"] = new JsonObject(outputs.Select(o => KeyValuePair.Create(o.Key, ResultTable.Node(o.Value)))),
            ["table"] = ResultTable.From(outputs),
            ["errors"] = new JsonArray((details?.Incidents ?? []).Select(i => (JsonNode?)i).ToArray()),
        });
    }

    /// <summary>Cancels the run; a run that has already ended is left as it is, and the answer says so.</summary>
    private static async Task<IResult> KillAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, IWorkflowStarter starter, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var executionId = body.Text("executionId", required: true, maxLength: 64);
        body.ThrowIfInvalid();
        var summary = await RunAsync(context, access, instances, executionId!, ProjectRank.Edit, ct);
        var state = DssExecutionState.Of(summary.Status);
        if (summary.Status is WorkflowInstanceStatus.Completed or WorkflowInstanceStatus.Cancelled)
            return ContractReply.Ok(context, new JsonObject { ["executionId"] = summary.InstanceId, ["state"] = state, ["killRequested"] = false },
                $"execution {summary.InstanceId} has already ended ({state})");
        await starter.CancelAsync(summary.InstanceId, ct);
        return ContractReply.Ok(context, new JsonObject { ["executionId"] = summary.InstanceId, ["state"] = state, ["killRequested"] = true });
    }

    private static async Task<IResult> ProgressAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, IWorkflowCatalog catalog, CancellationToken ct)
    {
        var summary = await RunAsync(context, access, instances, ProjectRank.Access, ct);
        var state = DssExecutionState.Of(summary.Status);
        var workflow = await catalog.FindAsync(summary.DefinitionId, summary.DefinitionVersion, ct);
        var journal = await instances.GetJournalAsync(summary.InstanceId, ct);
        return ContractReply.Ok(context, new JsonObject
        {
            ["executionId"] = summary.InstanceId,
            ["state"] = state,
            ["progress"] = JournalLog.Progress(journal, workflow?.ActivityCount ?? 1, DssExecutionState.IsCompleted(state)),
        });
    }

    /// <summary>Journal lines from <c>fromLine</c> (1-based), <c>pageSize</c> at a time; <c>isEnd</c> once the run has ended and all are read.</summary>
    private static async Task<IResult> LogAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, CancellationToken ct)
    {
        var fromLine = QueryParameters.Number(context.Request, "fromLine", 1, 1, int.MaxValue);
        var pageSize = QueryParameters.Number(context.Request, "pageSize", 100, 1, 1000);
        var summary = await RunAsync(context, access, instances, ProjectRank.Access, ct);
        var state = DssExecutionState.Of(summary.Status);
        var journal = await instances.GetJournalAsync(summary.InstanceId, ct);
        var page = journal.Skip(fromLine - 1).Take(pageSize).Select(JournalLog.Line).ToList();
        var endLine = fromLine - 1 + page.Count;
        return ContractReply.Ok(context, new JsonObject
        {
            ["executionId"] = summary.InstanceId,
            ["state"] = state,
            ["logs"] = new JsonArray(page.Select(l => (JsonNode?)l).ToArray()),
            ["fromLine"] = fromLine,
            ["endLine"] = endLine,
            ["isEnd"] = DssExecutionState.IsCompleted(state) && endLine >= journal.Count,
        });
    }

    private static Task<WorkflowInstanceSummary> RunAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances, ProjectRank rank, CancellationToken ct) =>
        RunAsync(context, access, instances, QueryParameters.Text(context.Request, "executionId", required: true)!, rank, ct);

    /// <summary>
    /// A DSS node's run by id, checked: its submitter may always see and kill it; anyone else needs the rank on the
    /// node's project. An instance not started by a DSS node is not a DSS execution.
    /// </summary>
    private static async Task<WorkflowInstanceSummary> RunAsync(HttpContext context, NodeAccess access, IWorkflowInstances instances,
        string executionId, ProjectRank rank, CancellationToken ct)
    {
        var summary = await instances.GetSummaryAsync(executionId, ct);
        if (summary is null || DssExecution.Parse(summary.CorrelationId) is not { } execution)
            throw new HostRefusalException(RefusalKind.NotFound, $"there is no DSS execution \"{executionId}\"");
        var caller = Caller.Of(context);
        if (caller.Name != execution.SubmittedBy) await access.RequireAsync(caller, execution.ProjectId, rank, ct);
        return summary;
    }
}
