using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Alerts;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary>execute/history, progress and alert: the read-only task views of a job version.</summary>
public class StreamisTaskApiTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private const string Job = StreamisFixture.Base + "/streamJobManager/job";

    private async Task<(long JobId, long TaskId)> JobWithFailedTaskAsync()
    {
        var project = await fixture.ProjectAsync();
        var jobId = await fixture.JobAsync(project);
        var tasks = fixture.Service<TaskService>();
        var started = await tasks.CreateTaskAsync(jobId, "creator");
        await tasks.UpdateStatusAsync(started.Task!.Id, StreamTaskStatus.Failed, "boom " + new string('x', 300));
        return (jobId, started.Task.Id);
    }

    [Fact]
    public async Task History_lists_the_versions_tasks_with_status_text_and_a_cut_stop_cause()
    {
        var (jobId, taskId) = await JobWithFailedTaskAsync();

        var body = await Envelope.OkAsync(await fixture.As("accessor").GetAsync($"{Job}/execute/history?jobId={jobId}&version=v00001"));

        var detail = Assert.Single(body["data"]!["details"]!.AsArray())!.AsObject();
        Assert.Equal(["taskId", "jobVersionId", "jobName", "creator", "version", "status", "startTime", "endTime", "runTime", "stopCause", "versionContent"],
            detail.Select(p => p.Key));
        Assert.Equal(taskId, (long)detail["taskId"]!);
        Assert.Equal("Failed", (string?)detail["status"]);
        Assert.Equal("creator", (string?)detail["creator"]);
        Assert.Equal(100, ((string)detail["stopCause"]!).Length);
        Assert.StartsWith("boom", (string)detail["stopCause"]!);
    }

    [Fact]
    public async Task Progress_is_the_status_code_of_the_versions_latest_task_or_0()
    {
        var (jobId, taskId) = await JobWithFailedTaskAsync();
        var body = await Envelope.OkAsync(await fixture.As("accessor").GetAsync($"{Job}/progress?jobId={jobId}&version=v00001"));
        Assert.Equal(taskId, (long)body["data"]!["taskId"]!);
        Assert.Equal(6, (int)body["data"]!["progress"]!);

        var fresh = await fixture.JobAsync(await fixture.ProjectAsync());
        var none = await Envelope.OkAsync(await fixture.As("admin").GetAsync($"{Job}/progress?jobId={fresh}&version=v00001"));
        Assert.Equal(0, (int)none["data"]!["progress"]!);
    }

    [Theory]
    [InlineData("nobody", false)]
    [InlineData("accessor", true)]
    [InlineData("creator", true)]
    [InlineData("visible", true)]
    [InlineData("admin", true)]
    public async Task History_and_progress_need_access(string user, bool allowed)
    {
        var (jobId, _) = await JobWithFailedTaskAsync();
        foreach (var path in new[] { "execute/history", "progress" })
        {
            var response = await fixture.As(user).GetAsync($"{Job}/{path}?jobId={jobId}&version=v00001");
            if (allowed) await Envelope.OkAsync(response);
            else Assert.Contains("Have no permission", (string)(await Envelope.ErrorAsync(response))["message"]!);
        }
    }

    [Fact]
    public async Task Alert_lists_only_alerts_addressed_to_the_caller()
    {
        var (jobId, taskId) = await JobWithFailedTaskAsync();
        var config = fixture.Service<JobConfigService>();
        await config.SetValuesAsync(jobId, new Dictionary<string, string?> { ["wds.linkis.flink.alert.failure.user"] = "editor" });
        await fixture.Service<AlertService>().RaiseAsync(jobId, taskId, "failed", "the job failed", AlertLevel.Major);

        var mine = await Envelope.OkAsync(await fixture.As("editor").GetAsync($"{Job}/alert?jobId={jobId}&version=v00001"));
        var alert = Assert.Single(mine["data"]!["list"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "createTime", "alertLevel", "alertUser", "alertMsg", "errorMsg"], alert.Select(p => p.Key));
        Assert.Equal("editor", (string?)alert["alertUser"]);
        Assert.Equal("MAJOR", (string?)alert["alertLevel"]);
        Assert.Empty((await Envelope.OkAsync(await fixture.As("nobody").GetAsync($"{Job}/alert?jobId={jobId}&version=v00001")))["data"]!["list"]!.AsArray());
    }

    [Fact]
    public async Task Details_answer_the_engine_handle_and_empty_metric_lists()
    {
        var (jobId, taskId) = await JobWithFailedTaskAsync();
        var tasks = fixture.Service<TaskService>();
        await tasks.SetEngineHandleAsync(taskId, new JobHandle("linkis-flink", "once-7",
            new Dictionary<string, string> { ["applicationId"] = "application_1_7", ["applicationUrl"] = "http://yarn/app/7" }));

        var body = await Envelope.OkAsync(await fixture.As("nobody").GetAsync($"{Job}/details?jobId={jobId}&version=v00001"));

        var details = body["data"]!["details"]!.AsObject();
        Assert.Equal(["linkisJobInfo", "dataNumber", "loadCondition", "realTimeTraffic"], details.Select(p => p.Key));
        Assert.Equal("http://yarn/app/7", (string?)details["linkisJobInfo"]!["applicationUrl"]);
        Assert.Equal("once-7", (string?)details["linkisJobInfo"]!["id"]);
        Assert.Equal("Failed", (string?)details["linkisJobInfo"]!["status"]);
        Assert.Empty(details["realTimeTraffic"]!.AsArray());
    }

    [Theory]
    [InlineData("execute/history")]
    [InlineData("progress")]
    [InlineData("alert")]
    [InlineData("details")]
    public async Task Unknown_jobs_versions_and_bad_ids_are_clean_refusals(string path)
    {
        var admin = fixture.As("admin");
        Assert.Equal("StreamJob [987654321] does not exist", (string?)(await Envelope.ErrorAsync(await admin.GetAsync($"{Job}/{path}?jobId=987654321&version=v00001")))["message"]);
        var (jobId, _) = await JobWithFailedTaskAsync();
        Assert.Contains("has no version v00042", (string)(await Envelope.ErrorAsync(await admin.GetAsync($"{Job}/{path}?jobId={jobId}&version=v00042")))["message"]!);
        Assert.Contains("version cannot be empty!", (string)(await Envelope.BadAsync(await admin.GetAsync($"{Job}/{path}?jobId={jobId}")))["message"]!);
        Assert.Contains("jobId must be a positive whole number", (string)(await Envelope.BadAsync(await admin.GetAsync($"{Job}/{path}?jobId=x&version=v00001")))["message"]!);
    }
}
