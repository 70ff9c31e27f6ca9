using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>Status summaries: <c>PUT /job/status</c> (what bulk restart polls) and <c>/project/core/target</c> (the list page's counters).</summary>
public static class StreamisStatusEndpoints
{
    /// <summary>Bounds one status poll; the UI sends the ticked rows of one page.</summary>
    private const int MaxIds = 500;

    public static void MapStreamisStatusEndpoints(this RouteGroupBuilder streamis)
    {
        streamis.MapPut(StreamisJobEndpoints.Prefix + "/status", StatusAsync);
        streamis.MapGet("/streamJobManager/project/core/target", CoreTargetAsync);
    }

    /// <summary>Each job's newest task; no privilege is needed in Streamis, and none is asked here, but unknown ids are named.</summary>
    private static async Task<IResult> StatusAsync(HttpContext context, JobService jobs, TaskService tasks, CancellationToken ct)
    {
        var body = await StreamisBody.ReadObjectAsync(context.Request, ct);
        var ids = StreamisIds.List(body["id_list"], "id_list", "job ids", MaxIds, "id_list cannot be empty!");
        var result = new JsonArray();
        foreach (var id in ids.Distinct())
        {
            _ = await jobs.FindAsync(id, ct) ?? throw StreamJobsException.JobNotFound(id);
            var latest = await tasks.GetLatestAsync(id, ct);
            var code = (int)(latest?.Status ?? StreamTaskStatus.NotStarted);
            result.Add(new JsonObject
            {
                ["jobId"] = id,
                ["status"] = TaskStatuses.Describe(code),
                ["statusCode"] = code,
                ["message"] = latest?.ErrDesc,
            });
        }
        return LinkisMessage.Ok(context, new JsonObject { ["result"] = result });
    }

    /// <summary>Counts by list status over the jobs the caller may list (none without a project rank).</summary>
    private static async Task<IResult> CoreTargetAsync(HttpContext context, JobService jobs, CancellationToken ct)
    {
        var projectName = StreamisQuery.Text(context.Request, "projectName");
        var counts = new int[10];
        if (projectName is not null && projectName != "null")
        {
            var user = StreamisPrivileges.UserName(context.User);
            var admin = StreamisPrivileges.IsHostAdmin(context.User);
            for (var page = 1; ; page++)
            {
                var items = await jobs.ListForUserAsync(user, new JobListQuery(projectName, Page: page, PageSize: 500), admin, ct);
                foreach (var item in items.Items)
                    if ((int)item.Status is >= 0 and < 10) counts[(int)item.Status]++;
                if (page * 500 >= items.Total) break;
            }
        }
        return LinkisMessage.Ok(context, new JsonObject
        {
            ["taskCore"] = new JsonObject
            {
                ["projectName"] = projectName,
                ["successNum"] = counts[1],
                ["waitRestartNum"] = counts[2],
                ["alertNum"] = counts[3],
                ["slowTaskNum"] = counts[4],
                ["runningNum"] = counts[5],
                ["failureNum"] = counts[6],
                ["stoppedNum"] = counts[7],
                ["startingNum"] = counts[8],
                ["stoppingNum"] = counts[9],
            },
        });
    }
}
