using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations;

/// <summary><c>/job/bulk/execution</c> and <c>/job/bulk/pause</c>: Streamis' answer shape, partial failures, TASK mode.</summary>
public sealed class StreamisBulkTests(ScriptedEngineHost host) : IClassFixture<ScriptedEngineHost>
{
    [Fact]
    public async Task Bulk_execution_answers_at_once_with_the_refused_jobs_Failed_and_the_rest_start_in_the_background()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        var running = await admin.SqlJobAsync(project, "running");
        var fresh = await admin.SqlJobAsync(project, "fresh");
        var refused = await admin.SqlJobAsync(project, "refused");
        host.Engine.Script(refused, LaunchScript.Refuse);
        Assert.Equal(0, (int)(await admin.ExecuteAsync(running))["status"]!);

        var answer = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/execution",
            new JsonObject { ["bulk_sbj"] = new JsonArray(running, fresh, refused), ["sbj_type"] = "JOB" });

        Assert.Equal(0, (int)answer["status"]!);
        var data = answer["data"]!;
        Assert.Equal(3, (int)data["total"]!);
        var success = data["result"]!["Success"]!;
        var failed = data["result"]!["Failed"]!;
        Assert.Equal(2, (int)success["count"]!);
        Assert.Equal(1, (int)failed["count"]!);
        var refusedNow = failed["data"]![0]!.AsObject();
        Assert.Equal(["scheduleId", "scheduleState", "message", "progress", "metric", "jobId", "taskId"], refusedNow.Select(p => p.Key));
        Assert.Equal($"executeJob-{running}", (string)refusedNow["scheduleId"]!);
        Assert.Equal("Failed", (string)refusedNow["scheduleState"]!);
        Assert.Contains("is still not completed", (string)refusedNow["message"]!);
        Assert.Equal([fresh, refused], success["data"]!.AsArray().Select(e => (long)e!["jobId"]!));

        await Eventually.UntilAsync(() => admin.StatusCodeAsync(fresh), code => code == 5, "the fresh job to run");
        await Eventually.UntilAsync(() => admin.StatusCodeAsync(refused), code => code == 6, "the refused job to fail");
        var run = await admin.BulkDoneAsync((string)data["instanceId"]!);
        Assert.Equal(1, (int)run["failed"]!);
    }

    [Fact]
    public async Task Bulk_pause_waits_for_every_stop_and_reports_savepoints_and_the_stop_that_failed()
    {
        var admin = host.As("admin");
        var project = await admin.ProjectAsync();
        var good = await admin.SqlJobAsync(project, "good");
        var stubborn = await admin.SqlJobAsync(project, "stubborn");
        foreach (var job in new[] { good, stubborn }) Assert.Equal(0, (int)(await admin.ExecuteAsync(job))["status"]!);
        host.Engine.FailStops(stubborn);

        var answer = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/pause",
            new JsonObject { ["bulkSubject"] = new JsonArray(good, stubborn), ["snapshot"] = true });

        var result = answer["data"]!["result"]!;
        var stopped = result["Success"]!["data"]![0]!;
        Assert.Equal($"pauseJob-{good}", (string)stopped["scheduleId"]!);
        Assert.Equal("Succeed", (string)stopped["scheduleState"]!);
        Assert.Contains("savepoint-", (string)stopped["snapshotPath"]!);
        var failed = result["Failed"]!["data"]![0]!;
        Assert.Equal("Failed", (string)failed["scheduleState"]!);
        Assert.Contains(ScriptedEngine.StopFailure, (string)failed["message"]!);
        Assert.Equal(7, await admin.StatusCodeAsync(good));
        Assert.Equal(5, await admin.StatusCodeAsync(stubborn));
    }

    [Fact]
    public async Task Task_mode_restarts_each_tasks_job_from_that_tasks_savepoint()
    {
        var admin = host.As("admin");
        var jobId = await admin.SqlJobAsync(await admin.ProjectAsync(), "tasked");
        var taskId = (long)(await admin.ExecuteAsync(jobId))["data"]!["taskId"]!;

        var pause = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/pause",
            new JsonObject { ["bulk_sbj"] = new JsonArray(taskId), ["sbj_type"] = "TASK", ["snapshot"] = true });
        var savepoint = (string)pause["data"]!["result"]!["Success"]!["data"]![0]!["snapshotPath"]!;
        var execution = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/execution",
            new JsonObject { ["bulk_sbj"] = new JsonArray(taskId), ["sbj_type"] = "TASK" });

        var accepted = execution["data"]!["result"]!["Success"]!["data"]![0]!;
        Assert.Equal($"executeTask-{taskId}", (string)accepted["scheduleId"]!);
        Assert.Equal(jobId, (long)accepted["jobId"]!);
        await admin.BulkDoneAsync((string)execution["data"]!["instanceId"]!);
        Assert.Equal(savepoint, host.Engine.Launches.Last(l => l.JobId == jobId).RestoreFrom);
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
    }
}
