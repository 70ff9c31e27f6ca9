using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Plugins.Local.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations;

/// <summary>
/// The operations end to end through HTTP on the Local engine: real runner processes numbering events, so "no gap"
/// is checked on the stream itself after snapshot-and-stop and recovery.
/// </summary>
public sealed class LocalEngineOperationTests(LocalEngineHost local) : IClassFixture<LocalEngineHost>
{
    private static readonly JsonObject FastJob = new() { ["rate"] = 40, ["checkpointIntervalSeconds"] = 0.5 };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Deploy_run_snapshot_and_stop_then_recover_continues_the_output_without_a_gap()
    {
        var admin = local.Admin;
        var project = await admin.ProjectAsync();
        var deploy = await admin.PostAsJsonAsync("/api/workflows/instances", new
        {
            definitionId = "deploy",
            input = new { projectName = project, jobName = "numbers", jobType = "local", jobContent = FastJob, user = "admin", checkPermission = false, start = true },
        });
        var deployed = await admin.WaitForStatusAsync((string)(await deploy.JsonAsync(HttpStatusCode.Accepted))["instanceId"]!, "Completed");
        var jobId = (long)deployed["output"]!["jobId"]!;
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
        await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId).Count), n => n >= 20, "20 events", Patience);

        var stop = await admin.StopAsync(jobId, snapshot: true);
        Assert.Equal(0, (int)stop["status"]!);
        var savepoint = (string)stop["data"]!["path"]!;
        Assert.EndsWith("_metadata", savepoint);
        Assert.Equal(7, await admin.StatusCodeAsync(jobId));
        var stopRun = await admin.InstanceAsync((string)stop["data"]!["instanceId"]!);
        Assert.Equal("stop", (string)stopRun["summary"]!["definitionId"]!);
        Assert.Contains(stopRun["journal"]!.AsArray(), e => (string?)e!["activityId"] == "stopJob" && (string?)e["kind"] == "Completed");
        var writtenBefore = local.Events(jobId).Count;

        var recover = await admin.PostAsJsonAsync("/api/workflows/instances", new
        {
            definitionId = "recover-from-savepoint", input = new { jobId, savepointPath = savepoint, user = "admin", checkPermission = false },
        });
        var recovered = await admin.WaitForStatusAsync((string)(await recover.JsonAsync(HttpStatusCode.Accepted))["instanceId"]!, "Completed");
        Assert.Equal(savepoint, (string)recovered["output"]!["restoredFrom"]!);
        var events = await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId)), e => e.Count >= writtenBefore + 20, "20 more events", Patience);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events);
        Assert.Equal(0, (int)(await admin.StopAsync(jobId, snapshot: false))["status"]!);
    }

    [Fact]
    public async Task Execute_snapshot_logs_and_stop_answer_as_Streamis_does_with_the_instance_id()
    {
        var admin = local.Admin;
        var jobId = await admin.JobAsync(await admin.ProjectAsync(), "answers", "local", FastJob.DeepClone().AsObject());

        var execute = await admin.ExecuteAsync(jobId);
        Assert.True((int)execute["status"]! == 0, execute.ToJsonString());
        Assert.Equal("start", (string)(await admin.InstanceAsync((string)execute["data"]!["instanceId"]!))["summary"]!["definitionId"]!);
        var again = await admin.ExecuteAsync(jobId);
        Assert.Equal(1, (int)again["status"]!);
        Assert.Contains($"already has task {(long)execute["data"]!["taskId"]!}", (string)again["message"]!);

        await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId).Count), n => n >= 5, "5 events", Patience);
        var snapshot = await admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/snapshot/{jobId}");
        Assert.True((int)snapshot["status"]! == 0, snapshot.ToJsonString());
        Assert.True(File.Exists((string)snapshot["data"]!["path"]!));
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));

        var logs = await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}&pageSize=5");
        var page = logs["data"]!["logs"]!;
        Assert.EndsWith("client.log", (string)page["logPath"]!);
        Assert.InRange(page["logs"]!.AsArray().Count, 1, 5);
        var yarn = await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}&logType=yarn");
        Assert.Equal("undefined", (string)yarn["data"]!["logs"]!["logPath"]!);

        var stop = await admin.StopAsync(jobId, snapshot: false);
        Assert.True((int)stop["status"]! == 0, stop.ToJsonString());
        Assert.Null(stop["data"]!["path"]);
        Assert.Equal(7, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_launch_the_engine_refuses_answers_its_reason_and_leaves_the_task_Failed()
    {
        var admin = local.Admin;
        var jobId = await admin.JobAsync(await admin.ProjectAsync(), "bad", "local", new JsonObject { ["rate"] = "fast" });

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains("field 'rate' must be a number", (string)execute["message"]!);
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
        Assert.Equal("Faulted", (string)(await admin.InstanceAsync((string)execute["data"]!["instanceId"]!))["summary"]!["status"]!);
    }

    [Fact]
    public async Task Bulk_restart_of_three_jobs_reports_each_and_every_stream_goes_on_without_a_gap()
    {
        var admin = local.Admin;
        var project = await admin.ProjectAsync();
        var jobs = new List<long>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            var jobId = await admin.JobAsync(project, name, "local", FastJob.DeepClone().AsObject());
            Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
            jobs.Add(jobId);
        }
        foreach (var jobId in jobs) await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId).Count), n => n >= 10, "10 events", Patience);

        var instanceId = await admin.BulkAsync(new { operation = "restart", jobIds = jobs, snapshot = true, parallelism = 2 });
        var first = await (await admin.GetAsync($"/api/bulk/{instanceId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)first["total"]!);
        var run = await admin.BulkDoneAsync(instanceId);

        Assert.Equal("restart", (string)run["operation"]!);
        Assert.Equal(3, (int)run["succeeded"]!);
        foreach (var item in run["items"]!.AsArray())
        {
            Assert.Equal("Succeeded", (string)item!["status"]!);
            Assert.EndsWith("_metadata", (string)item["savepointPath"]!);
            var jobId = (long)item["jobId"]!;
            Assert.Equal(5, await admin.StatusCodeAsync(jobId));
            var before = local.Events(jobId).Count;
            var events = await Eventually.UntilAsync(() => Task.FromResult(local.Events(jobId)), e => e.Count >= before + 10, "10 more events", Patience);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events);
        }
        var stop = await admin.BulkAsync(new { operation = "stop", jobIds = jobs });
        Assert.Equal(3, (int)(await admin.BulkDoneAsync(stop))["succeeded"]!);
    }
}
