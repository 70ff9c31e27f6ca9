using System.Globalization;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Operations;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>The read-only task views of a job version: execute/history, progress, alert and details.</summary>
public static class StreamisTaskEndpoints
{
    /// <summary>Streamis cuts the stop cause in the history to this many characters.</summary>
    private const int StopCauseLength = 100;

    public static void MapStreamisTaskEndpoints(this RouteGroupBuilder job)
    {
        job.MapGet("/execute/history", HistoryAsync);
        job.MapGet("/progress", ProgressAsync);
        job.MapGet("/alert", AlertAsync);
        job.MapGet("/details", DetailsAsync);
    }

    /// <summary>
    /// No privilege needed, as in Streamis. Streamis fills the three metric lists with made-up samples; here they hold
    /// what the engine of the version's latest task reports (<see cref="IJobMetricsReporter"/>), and are empty when it
    /// has no reporter, no figures, or cannot be asked. The engine handle's properties (application id and URL where the
    /// engine records them) make up <c>linkisJobInfo</c>.
    /// </summary>
    private static async Task<IResult> DetailsAsync(HttpContext context, JobService jobs, TaskService tasks, JobEngines engines, ILoggerFactory loggers, CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var versionName = StreamisQuery.RequiredText(context.Request, "version");
        var job = await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        var version = await jobs.GetVersionAsync(jobId, versionName, ct);
        if (version is null) return LinkisMessage.Error(context, $"StreamJob [{jobId}] has no version {versionName}");
        var latest = (await tasks.ListAsync(jobId, ct)).FirstOrDefault(t => t.JobVersionId == version.Id);
        var info = new JsonObject();
        if (latest is not null)
        {
            if (latest.Handle is { } handle)
                foreach (var (key, value) in handle.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) info[key] = value;
            info["id"] = latest.Handle?.Id;
            info["name"] = job.Name;
            info["user"] = latest.SubmitUser;
            info["status"] = TaskStatuses.Describe((int)latest.Status);
            info["message"] = latest.ErrDesc;
        }
        var details = new JsonObject { ["linkisJobInfo"] = info };
        StreamisJobMetrics.AddTo(details, await MetricsAsync(latest, engines, loggers, ct));
        return LinkisMessage.Ok(context, new JsonObject { ["details"] = details });
    }

    private static async Task<JobMetrics> MetricsAsync(StreamTask? task, JobEngines engines, ILoggerFactory loggers, CancellationToken ct)
    {
        if (task is not { Handle: { } handle } || engines.MetricsReporter(handle.Engine) is not { } reporter) return JobMetrics.None;
        try
        {
            return await reporter.GetMetricsAsync(handle, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The tab shows no figures rather than an error; the log keeps why, for the operator.
            loggers.CreateLogger(typeof(StreamisTaskEndpoints)).LogWarning(e, "Could not read the metrics of task {TaskId} of job {JobId}", task.Id, task.JobId);
            return JobMetrics.None;
        }
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, JobService jobs, TaskService tasks, StreamisPrivileges privileges, CancellationToken ct)
    {
        var (job, version, refusal) = await VersionAsync(context, jobs, privileges, "view the execution history", ct);
        if (refusal is not null) return refusal;
        var details = new JsonArray();
        foreach (var task in (await tasks.ListAsync(job!.Id, ct)).Where(t => t.JobVersionId == version!.Id))
        {
            details.Add(new JsonObject
            {
                ["taskId"] = task.Id,
                ["jobVersionId"] = task.JobVersionId,
                ["jobName"] = job.Name,
                ["creator"] = task.SubmitUser,
                ["version"] = task.Version,
                ["status"] = TaskStatuses.Describe((int)task.Status),
                ["startTime"] = task.StartTime.ToUnixTimeMilliseconds(),
                ["endTime"] = task.LastUpdateTime.ToUnixTimeMilliseconds(),
                ["runTime"] = RunTime(task.LastUpdateTime - task.StartTime),
                ["stopCause"] = task.ErrDesc is { Length: > StopCauseLength } e ? e[..StopCauseLength] : task.ErrDesc,
                ["versionContent"] = version!.JobContent.ToJsonString(),
            });
        }
        return LinkisMessage.Ok(context, new JsonObject { ["details"] = details });
    }

    private static async Task<IResult> ProgressAsync(HttpContext context, JobService jobs, TaskService tasks, StreamisPrivileges privileges, CancellationToken ct)
    {
        var (job, version, refusal) = await VersionAsync(context, jobs, privileges, "view the progress", ct);
        if (refusal is not null) return refusal;
        var latest = (await tasks.ListAsync(job!.Id, ct)).FirstOrDefault(t => t.JobVersionId == version!.Id);
        return LinkisMessage.Ok(context, new JsonObject { ["taskId"] = latest?.Id, ["progress"] = (int)(latest?.Status ?? 0) });
    }

    /// <summary>No privilege needed, as in Streamis: the list only holds alerts addressed to the caller.</summary>
    private static async Task<IResult> AlertAsync(HttpContext context, JobService jobs, AlertService alerts, CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var versionName = StreamisQuery.RequiredText(context.Request, "version");
        _ = await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        var version = await jobs.GetVersionAsync(jobId, versionName, ct);
        if (version is null) return LinkisMessage.Error(context, $"StreamJob [{jobId}] has no version {versionName}");
        var list = new JsonArray();
        foreach (var alert in (await alerts.ListAsync(jobId, StreamisPrivileges.UserName(context.User), ct)).Where(a => a.JobVersionId == version.Id))
        {
            list.Add(new JsonObject
            {
                ["id"] = alert.Id,
                ["createTime"] = alert.CreateTime.ToUnixTimeMilliseconds(),
                ["alertLevel"] = alert.Level.ToString().ToUpperInvariant(),
                ["alertUser"] = alert.User,
                ["alertMsg"] = alert.Message,
                ["errorMsg"] = alert.ErrorMsg,
            });
        }
        return LinkisMessage.Ok(context, new JsonObject { ["list"] = list });
    }

    /// <summary>The job and version named by <c>jobId</c> and <c>version</c> that the caller may access, or the refusal to answer.</summary>
    private static async Task<(StreamJob? Job, StreamJobVersion? Version, IResult? Refusal)> VersionAsync(
        HttpContext context, JobService jobs, StreamisPrivileges privileges, string what, CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var versionName = StreamisQuery.RequiredText(context.Request, "version");
        var job = await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
        if (!await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Access, ct))
            return (null, null, LinkisMessage.Error(context, $"Have no permission to {what} of StreamJob [{jobId}]"));
        var version = await jobs.GetVersionAsync(jobId, versionName, ct);
        return version is null
            ? (null, null, LinkisMessage.Error(context, $"StreamJob [{jobId}] has no version {versionName}"))
            : (job, version, null);
    }

    private static string RunTime(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(span.Days.ToString(CultureInfo.InvariantCulture) + "d");
        if (span.Hours > 0) parts.Add(span.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        if (span.Minutes > 0) parts.Add(span.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        parts.Add(span.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        return string.Join(" ", parts);
    }

}
