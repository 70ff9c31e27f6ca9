using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// <c>/job/bulk/execution</c> and <c>/job/bulk/pause</c> with Streamis' answer: <c>total</c> and <c>result</c>'s Success
/// and Failed buckets. Execution answers at once (Success means accepted; a job whose task is still not completed is
/// Failed at once, as Streamis' prepare step does) and the starts go on in the bulk-start workflow; pause waits for
/// the bulk-stop workflow to end. Unlike Streamis, TASK mode works and is checked for permission like JOB mode.
/// </summary>
public static class StreamisBulkEndpoints
{
    public static void MapStreamisBulkEndpoints(this RouteGroupBuilder job)
    {
        job.MapPost("/bulk/execution", ExecutionAsync);
        job.MapPost("/bulk/pause", PauseAsync);
    }

    private static async Task<IResult> ExecutionAsync(HttpContext context, JobService jobs, TaskService tasks, StreamisPrivileges privileges,
        BulkOperations bulk, OperationsOptions options, CancellationToken ct)
    {
        var request = await ReadAsync(context, "execution", options, ct);
        var resolved = await ResolveAsync(context, request, jobs, tasks, privileges, "execute", ct);
        if (resolved.Refusal is not null) return resolved.Refusal;

        var accepted = new List<BulkSubject>();
        var success = new JsonArray();
        var failed = new JsonArray();
        foreach (var (subject, jobId) in resolved.Subjects)
        {
            var latest = await tasks.GetLatestAsync(jobId, ct);
            if (latest is { IsCompleted: false })
            {
                failed.Add(Element("execute", request.TaskMode, subject, jobId, "Failed",
                    $"Unable to create new task, StreamTask [{latest.Id}] is still not completed (status {TaskStatuses.Describe((int)latest.Status)})"));
                continue;
            }
            accepted.Add(subject);
            success.Add(Element("execute", request.TaskMode, subject, jobId, "Scheduled", null));
        }
        string? instanceId = accepted.Count == 0 ? null
            : await bulk.StartAsync("start", accepted, snapshot: false, parallelism: null, RequestCaller.Of(context.User), ct);
        return LinkisMessage.Ok(context, Response(resolved.Subjects.Count, success, failed, instanceId));
    }

    private static async Task<IResult> PauseAsync(HttpContext context, JobService jobs, TaskService tasks, StreamisPrivileges privileges,
        BulkOperations bulk, BulkRunService runs, OperationRunner runner, OperationsOptions options, CancellationToken ct)
    {
        var request = await ReadAsync(context, "pause", options, ct);
        var resolved = await ResolveAsync(context, request, jobs, tasks, privileges, "stop", ct);
        if (resolved.Refusal is not null) return resolved.Refusal;

        var instanceId = await bulk.StartAsync("stop", resolved.Subjects.Select(s => s.Subject).ToList(), request.Snapshot, parallelism: null,
            RequestCaller.Of(context.User), ct);
        var outcome = await runner.WaitAsync(instanceId, options.SynchronousWait, ct);
        var run = await runs.GetAsync(instanceId, ct) ?? throw new InvalidOperationException($"bulk run {instanceId} vanished");
        var success = new JsonArray();
        var failed = new JsonArray();
        foreach (var item in run.Items)
        {
            var (subject, jobId) = resolved.Subjects[item.Position];
            switch (item.Status)
            {
                case BulkItemStatus.Succeeded:
                    success.Add(Element("pause", request.TaskMode, subject, jobId, "Succeed", null, item.SavepointPath ?? ""));
                    break;
                case BulkItemStatus.Failed:
                    failed.Add(Element("pause", request.TaskMode, subject, jobId, "Failed", item.Message, ""));
                    break;
                default:
                    failed.Add(Element("pause", request.TaskMode, subject, jobId, "Timeout",
                        outcome.Finished ? item.Message : $"still stopping after {options.SynchronousWait}; follow workflow instance {instanceId}", ""));
                    break;
            }
        }
        return LinkisMessage.Ok(context, Response(run.Total, success, failed, instanceId));
    }

    private sealed record BulkRequest(IReadOnlyList<long> Ids, bool TaskMode, bool Snapshot);

    private sealed record Resolved(IReadOnlyList<(BulkSubject Subject, long JobId)> Subjects, IResult? Refusal);

    /// <summary>The body, with Streamis' aliases: bulk_sbj / bulkSubject, sbj_type / bulkSubjectType (JOB by default), snapshot.</summary>
    private static async Task<BulkRequest> ReadAsync(HttpContext context, string operation, OperationsOptions options, CancellationToken ct)
    {
        var body = await StreamisBody.ReadObjectAsync(context.Request, ct);
        var field = body.ContainsKey("bulk_sbj") ? "bulk_sbj" : "bulkSubject";
        var empty = $"The list of jobId/taskId cannot be empty for bulk {operation}";
        var ids = StreamisIds.List(body[field], field, "job or task ids", options.MaxBulkJobs, empty);
        if (ids.Count == 0) throw new StreamisRequestException(empty);
        var type = (body["sbj_type"] ?? body["bulkSubjectType"]) switch
        {
            null => "JOB",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim().ToUpperInvariant(),
            var other => throw new StreamisRequestException($"sbj_type must be JOB or TASK, not {other.ToJsonString()}"),
        };
        if (type is not ("JOB" or "TASK")) throw new StreamisRequestException($"sbj_type must be JOB or TASK, not \"{type}\"");
        var snapshot = body["snapshot"] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            var other => throw new StreamisRequestException($"snapshot must be true or false, not {other.ToJsonString()}"),
        };
        return new BulkRequest(ids, type == "TASK", snapshot);
    }

    /// <summary>
    /// Each id as a job (a task's job in TASK mode), with the caller's edit privilege on every one; as in Streamis, one
    /// job the caller may not operate refuses the whole request.
    /// </summary>
    private static async Task<Resolved> ResolveAsync(HttpContext context, BulkRequest request, JobService jobs, TaskService tasks, StreamisPrivileges privileges,
        string action, CancellationToken ct)
    {
        var subjects = new List<(BulkSubject, long)>();
        foreach (var id in request.Ids)
        {
            long jobId;
            if (request.TaskMode)
                jobId = (await tasks.FindAsync(id, ct) ?? throw new StreamJobsException(ErrorCodes.TaskNotFound, StreamJobsErrorKind.NotFound, $"StreamTask [{id}] does not exist")).JobId;
            else jobId = (await jobs.FindAsync(id, ct) ?? throw StreamJobsException.JobNotFound(id)).Id;
            if (!await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Edit, ct))
                return new Resolved([], LinkisMessage.Error(context, $"Have no permission to {action} StreamJob [{jobId}]"));
            subjects.Add((request.TaskMode ? new BulkSubject(null, id) : new BulkSubject(id, null), jobId));
        }
        return new Resolved(subjects, null);
    }

    private static JsonObject Element(string verb, bool taskMode, BulkSubject subject, long jobId, string state, string? message, string? snapshotPath = null)
    {
        var element = new JsonObject
        {
            ["scheduleId"] = taskMode ? $"{verb}Task-{subject.TaskId}" : $"{verb}Job-{jobId}",
            ["scheduleState"] = state,
            ["message"] = message,
            ["progress"] = state is "Succeed" or "Failed" ? 1.0 : 0.0,
            ["metric"] = new JsonObject(),
            ["jobId"] = jobId,
            ["taskId"] = subject.TaskId,
        };
        if (snapshotPath is not null) element["snapshotPath"] = snapshotPath;
        return element;
    }

    private static JsonObject Response(int total, JsonArray success, JsonArray failed, string? instanceId) => new()
    {
        ["total"] = total,
        ["result"] = new JsonObject
        {
            ["Success"] = new JsonObject { ["data"] = success, ["count"] = success.Count },
            ["Failed"] = new JsonObject { ["data"] = failed, ["count"] = failed.Count },
        },
        ["instanceId"] = instanceId,
    };
}
