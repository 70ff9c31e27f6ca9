using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// <c>GET /job/logs</c>: a page of a task's client or YARN log from its engine's log fetcher. As in Streamis, a task
/// that never launched, a log type the engine does not keep, or a fetch that fails all answer the same placeholder page.
/// </summary>
public static class StreamisLogEndpoints
{
    private const int MaxPageSize = 5000;

    public static void MapStreamisLogEndpoints(this RouteGroupBuilder job) => job.MapGet("/logs", LogsAsync);

    private static async Task<IResult> LogsAsync(HttpContext context, JobService jobs, TaskService tasks, StreamisPrivileges privileges, JobEngines engines,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var request = context.Request;
        var jobId = StreamisQuery.RequiredLong(request, "jobId");
        var taskId = StreamisQuery.Text(request, "taskId") is { } text ? StreamisQuery.Long("taskId", text) : (long?)null;
        var logType = StreamisQuery.Text(request, "logType") ?? "client";
        var page = new JobLogRequest(logType,
            FromLine: StreamisQuery.Int(request, "fromLine", 1, 1, int.MaxValue),
            PageSize: StreamisQuery.Int(request, "pageSize", 100, 1, MaxPageSize),
            IgnoreKeywords: StreamisQuery.Text(request, "ignoreKeywords"),
            OnlyKeywords: StreamisQuery.Text(request, "onlyKeywords"),
            LastRows: StreamisQuery.Int(request, "lastRows", 0, 0, MaxPageSize) is > 0 and var rows ? rows : null);
        _ = await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        if (!await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Access, ct))
            return LinkisMessage.Error(context, $"Have no permission to fetch the logs of StreamJob [{jobId}]");

        var task = taskId is { } id ? await tasks.FindAsync(id, ct) : await tasks.GetLatestAsync(jobId, ct);
        if (task is not { Handle: { } handle } || task.JobId != jobId || engines.LogFetcher(handle.Engine, logType) is not { } fetcher)
            return Logs(context, null);
        try
        {
            return Logs(context, await fetcher.FetchAsync(handle, page, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Streamis swallows these too; the log keeps what went wrong for the operator.
            loggers.CreateLogger(typeof(StreamisLogEndpoints)).LogWarning(e, "Could not fetch the {LogType} log of task {TaskId} of job {JobId}", logType, task.Id, jobId);
            return Logs(context, null);
        }
    }

    private static IResult Logs(HttpContext context, JobLogPage? page) => LinkisMessage.Ok(context, new JsonObject
    {
        ["logs"] = page is null
            ? new JsonObject
            {
                ["logPath"] = "undefined",
                ["logs"] = new JsonArray("No log content is available. Perhaps the task has not been scheduled"),
                ["endLine"] = 1,
            }
            : new JsonObject
            {
                ["logPath"] = page.LogPath,
                ["logs"] = new JsonArray(page.Lines.Select(l => (JsonNode?)l).ToArray()),
                ["endLine"] = page.EndLine,
            },
    });
}
