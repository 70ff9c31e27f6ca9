using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// Execute, stop and snapshot: each runs its built-in workflow (start, stop, snapshot) and answers when it has finished,
/// as Streamis does, with the workflow instance's id added to <c>data</c> so the run and its journal can be looked up.
/// The caller's privilege is checked here, where host administrators are known; the workflow is told not to again.
/// </summary>
public static class StreamisOperationEndpoints
{
    public static void MapStreamisOperationEndpoints(this RouteGroupBuilder job)
    {
        job.MapPost("/execute", ExecuteAsync);
        job.MapGet("/stop", StopAsync);
        job.MapPut("/snapshot/{jobId}", SnapshotAsync);
    }

    private static async Task<IResult> ExecuteAsync(HttpContext context, JobService jobs, StreamisPrivileges privileges, OperationRunner runner,
        OperationsOptions options, CancellationToken ct)
    {
        var body = await StreamisBody.ReadObjectAsync(context.Request, ct);
        var jobId = StreamisIds.One(body["jobId"], "jobId", "a job id");
        var refusal = await RefuseAsync(context, jobs, privileges, jobId, "execute", ct);
        if (refusal is not null) return refusal;
        var outcome = await runner.RunAsync("start", Input(context, jobId), options.SynchronousWait, ct);
        var data = Data(outcome);
        data["taskId"] = outcome.Output("taskId") is long taskId ? taskId : null;
        return Answer(context, outcome, data, error => error, options);
    }

    private static async Task<IResult> StopAsync(HttpContext context, JobService jobs, StreamisPrivileges privileges, OperationRunner runner,
        OperationsOptions options, CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var snapshot = StreamisQuery.Text(context.Request, "snapshot") switch
        {
            null => false,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new StreamisRequestException($"snapshot must be true or false, not \"{text}\""),
        };
        var refusal = await RefuseAsync(context, jobs, privileges, jobId, "stop", ct);
        if (refusal is not null) return refusal;
        var input = Input(context, jobId);
        input["snapshot"] = snapshot;
        var outcome = await runner.RunAsync("stop", input, options.SynchronousWait, ct);
        var data = Data(outcome);
        if (snapshot) data["path"] = outcome.Output("savepointPath") as string;
        return Answer(context, outcome, data, error => error, options);
    }

    private static async Task<IResult> SnapshotAsync(HttpContext context, string jobId, JobService jobs, StreamisPrivileges privileges, OperationRunner runner,
        OperationsOptions options, CancellationToken ct)
    {
        var id = StreamisQuery.Long("jobId", jobId);
        var refusal = await RefuseAsync(context, jobs, privileges, id, "snapshot", ct);
        if (refusal is not null) return refusal;
        var outcome = await runner.RunAsync("snapshot", Input(context, id), options.SynchronousWait, ct);
        var data = Data(outcome);
        data["path"] = outcome.Output("savepointPath") as string;
        return Answer(context, outcome, data, error => $"Fail to do a snapshot operation (快照生成失败), message: {error}", options);
    }

    /// <summary>The refusal for an unknown job (the domain's not-found) or a caller without edit privilege on it; null to go on.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext context, JobService jobs, StreamisPrivileges privileges, long jobId, string action, CancellationToken ct)
    {
        _ = await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        return await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Edit, ct)
            ? null
            : LinkisMessage.Error(context, $"Have no permission to {action} StreamJob [{jobId}]");
    }

    private static Dictionary<string, object?> Input(HttpContext context, long jobId) => new()
    {
        ["jobId"] = jobId,
        ["user"] = StreamisPrivileges.UserName(context.User),
        ["checkPermission"] = false,
        [WorkflowCaller.InputName] = RequestCaller.Of(context.User).ToInput(),
    };

    private static JsonObject Data(OperationOutcome outcome) => new() { ["instanceId"] = outcome.InstanceId };

    private static IResult Answer(HttpContext context, OperationOutcome outcome, JsonObject data, Func<string, string> failure, OperationsOptions options)
    {
        if (outcome.Succeeded) return LinkisMessage.Ok(context, data);
        if (outcome.Finished) return LinkisMessage.Error(context, failure(outcome.Error ?? "the operation failed"), data);
        return LinkisMessage.Error(context,
            $"the operation is still running after {options.SynchronousWait}; follow workflow instance {outcome.InstanceId} (GET /api/workflows/instances/{outcome.InstanceId})", data);
    }
}
