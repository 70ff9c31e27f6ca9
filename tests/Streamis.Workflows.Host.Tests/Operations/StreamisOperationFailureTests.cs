using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Operations.Support;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Operations;

/// <summary>
/// The Streamis operation endpoints when the engine fails at each step (a scripted engine in the real host): the caller
/// gets Streamis' answer with the engine's reason, and no task is left in Starting or Stopping.
/// </summary>
public sealed class StreamisOperationFailureTests(ScriptedEngineHost host) : IClassFixture<ScriptedEngineHost>
{
    private async Task<long> JobAsync(HttpClient admin, string name = "job") => await admin.SqlJobAsync(await admin.ProjectAsync(), name);

    [Fact]
    public async Task A_refused_launch_answers_the_engines_message_and_the_task_ends_Failed()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        host.Engine.Script(jobId, LaunchScript.Refuse);

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains(ScriptedEngine.RefusalMessage, (string)execute["message"]!);
        Assert.NotNull((string?)execute["data"]!["instanceId"]);
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_job_that_fails_before_running_ends_Failed_with_the_engines_message()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        host.Engine.Script(jobId, LaunchScript.FailBeforeRunning);

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Contains(ScriptedEngine.FailureMessage, (string)execute["message"]!);
        var status = await admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/status", new JsonObject { ["id_list"] = new JsonArray(jobId) });
        Assert.Equal(6, (int)status["data"]!["result"]![0]!["statusCode"]!);
        Assert.Equal(ScriptedEngine.FailureMessage, (string)status["data"]!["result"]![0]!["message"]!);
    }

    [Fact]
    public async Task A_job_that_never_runs_is_stopped_after_the_start_timeout_and_ends_Failed_not_Starting()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        host.Engine.Script(jobId, LaunchScript.NeverRun);

        var execute = await admin.ExecuteAsync(jobId);

        Assert.Equal(1, (int)execute["status"]!);
        Assert.Contains("did not report running within 00:00:03", (string)execute["message"]!);
        Assert.Equal(6, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_failed_stop_answers_the_reason_and_the_task_runs_on()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        Assert.Equal(0, (int)(await admin.ExecuteAsync(jobId))["status"]!);
        host.Engine.FailStops(jobId);

        var stop = await admin.StopAsync(jobId, snapshot: true);

        Assert.Equal(1, (int)stop["status"]!);
        Assert.Equal($"Fail to stop the StreamJob [{jobId}], reason: {ScriptedEngine.StopFailure}", (string)stop["message"]!);
        Assert.Equal(5, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_snapshot_of_a_job_that_does_not_run_is_refused_in_Streamis_words()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);

        var snapshot = await admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/snapshot/{jobId}");

        Assert.Equal(1, (int)snapshot["status"]!);
        Assert.Equal($"Fail to do a snapshot operation (快照生成失败), message: StreamJob [{jobId}] has never run; there is nothing to snapshot", (string)snapshot["message"]!);
    }

    [Fact]
    public async Task Recovering_from_a_savepoint_that_does_not_exist_is_refused_before_a_task_is_made()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        const string missing = "hdfs:///flink/flink-savepoints/gone/savepoint-1/_metadata";

        var instance = await admin.StartAndWaitAsync("recover-from-savepoint", new { jobId, savepointPath = missing });

        Assert.Equal("Faulted", instance.Status());
        Assert.Contains($"the savepoint or checkpoint '{missing}' does not exist", (string)instance["incidents"]![0]!["message"]!);
        Assert.Equal(0, await admin.StatusCodeAsync(jobId));
    }

    [Fact]
    public async Task A_caller_without_privilege_on_the_project_is_refused_every_operation()
    {
        var jobId = await JobAsync(host.As("admin"));
        var outsider = host.As("outsider");

        var execute = await outsider.ExecuteAsync(jobId);
        var stop = await outsider.StopAsync(jobId, snapshot: false);
        var snapshot = await outsider.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/snapshot/{jobId}");
        var logs = await outsider.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}");
        var bulk = await outsider.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/execution", new JsonObject { ["bulk_sbj"] = new JsonArray(jobId) });

        Assert.Equal($"Have no permission to execute StreamJob [{jobId}]", (string)execute["message"]!);
        Assert.Equal($"Have no permission to stop StreamJob [{jobId}]", (string)stop["message"]!);
        Assert.Equal($"Have no permission to snapshot StreamJob [{jobId}]", (string)snapshot["message"]!);
        Assert.Equal($"Have no permission to fetch the logs of StreamJob [{jobId}]", (string)logs["message"]!);
        Assert.Equal($"Have no permission to execute StreamJob [{jobId}]", (string)bulk["message"]!);
        Assert.DoesNotContain(host.Engine.Launches, l => l.JobId == jobId);
    }

    [Fact]
    public async Task Missing_or_malformed_parameters_are_named_with_HTTP_400()
    {
        var admin = host.As("admin");

        var noJob = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/execute", new JsonObject());
        var badSnapshot = await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/stop?jobId=1&snapshot=maybe");
        var badJob = await admin.StreamisAsync(HttpMethod.Put, $"{OperationsClient.Jobs}/snapshot/abc");
        var emptyBulk = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/pause", new JsonObject { ["bulk_sbj"] = new JsonArray() });
        var badType = await admin.StreamisAsync(HttpMethod.Post, $"{OperationsClient.Jobs}/bulk/execution", new JsonObject { ["bulk_sbj"] = new JsonArray(1), ["sbj_type"] = "PROJECT" });
        var unknown = await admin.ExecuteAsync(987654321);

        Assert.Equal("jobId cannot be empty!", (string)noJob["message"]!);
        Assert.Equal("snapshot must be true or false, not \"maybe\"", (string)badSnapshot["message"]!);
        Assert.Equal("jobId must be a positive whole number, not \"abc\"", (string)badJob["message"]!);
        Assert.Equal("The list of jobId/taskId cannot be empty for bulk pause", (string)emptyBulk["message"]!);
        Assert.Equal("sbj_type must be JOB or TASK, not \"PROJECT\"", (string)badType["message"]!);
        Assert.Equal("StreamJob [987654321] does not exist", (string)unknown["message"]!);
    }

    [Fact]
    public async Task Logs_page_through_the_engine_and_answer_the_placeholder_when_there_is_nothing_to_read()
    {
        var admin = host.As("admin");
        var jobId = await JobAsync(admin);
        var before = await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}");
        var execute = await admin.ExecuteAsync(jobId);
        var taskId = (long)execute["data"]!["taskId"]!;

        var yarn = await admin.StreamisAsync(HttpMethod.Get, $"{OperationsClient.Jobs}/logs?jobId={jobId}&logType=yarn&fromLine=101&pageSize=100");

        Assert.Equal(new JsonObject
        {
            ["logPath"] = "undefined",
            ["logs"] = new JsonArray("No log content is available. Perhaps the task has not been scheduled"),
            ["endLine"] = 1,
        }.ToJsonString(), before["data"]!["logs"]!.ToJsonString());
        var page = yarn["data"]!["logs"]!;
        Assert.Equal($"/logs/{taskId}/yarn", (string)page["logPath"]!);
        Assert.Equal(100, page["logs"]!.AsArray().Count);
        Assert.Equal($"yarn line 101 of task {taskId}", (string)page["logs"]![0]!);
        Assert.Equal(200, (int)page["endLine"]!);
    }
}
