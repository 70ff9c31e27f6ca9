using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary><c>PUT /job/status</c> and <c>/project/core/target</c>.</summary>
public class StreamisStatusApiTests(StreamisFixture fixture) : IClassFixture<StreamisFixture>
{
    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Status_answers_each_jobs_newest_task()
    {
        var project = await fixture.ProjectAsync();
        var running = await fixture.JobAsync(project, "running");
        var idle = await fixture.JobAsync(project, "idle");
        var tasks = fixture.Service<TaskService>();
        var task = (await tasks.CreateTaskAsync(running, "creator")).Task!;
        await tasks.UpdateStatusAsync(task.Id, StreamTaskStatus.Running);

        var body = await Envelope.OkAsync(await fixture.As("watcher").PutAsync($"{StreamisFixture.Base}/streamJobManager/job/status",
            Json(new JsonObject { ["id_list"] = new JsonArray(running, idle.ToString(System.Globalization.CultureInfo.InvariantCulture)) })));

        var result = body["data"]!["result"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["jobId", "status", "statusCode", "message"], result[0].Select(p => p.Key));
        Assert.Equal((running, "running", 5), ((long)result[0]["jobId"]!, (string)result[0]["status"]!, (int)result[0]["statusCode"]!));
        Assert.Equal((idle, "Not Started", 0), ((long)result[1]["jobId"]!, (string)result[1]["status"]!, (int)result[1]["statusCode"]!));
    }

    [Fact]
    public async Task Status_names_bad_and_unknown_ids()
    {
        var client = fixture.As("admin");
        var url = $"{StreamisFixture.Base}/streamJobManager/job/status";
        Assert.Contains("id_list cannot be empty!", (string)(await Envelope.BadAsync(await client.PutAsync(url, Json(new JsonObject()))))["message"]!);
        Assert.Contains("id_list must hold job ids", (string)(await Envelope.BadAsync(await client.PutAsync(url, Json(new JsonObject { ["id_list"] = new JsonArray(true) }))))["message"]!);
        Assert.Contains("id_list must be a positive whole number", (string)(await Envelope.BadAsync(await client.PutAsync(url, Json(new JsonObject { ["id_list"] = new JsonArray("x") }))))["message"]!);
        Assert.Equal("StreamJob [987654321] does not exist",
            (string?)(await Envelope.ErrorAsync(await client.PutAsync(url, Json(new JsonObject { ["id_list"] = new JsonArray(987654321) }))))["message"]);
    }

    [Theory]
    [InlineData("accessor", 1)]
    [InlineData("admin", 1)]
    [InlineData("nobody", 0)]
    public async Task Core_target_counts_the_listable_jobs_by_status(string user, int expected)
    {
        var project = await fixture.ProjectAsync();
        var failed = await fixture.JobAsync(project, "failed");
        await fixture.JobAsync(project, "new");
        var tasks = fixture.Service<TaskService>();
        await tasks.UpdateStatusAsync((await tasks.CreateTaskAsync(failed, "creator")).Task!.Id, StreamTaskStatus.Failed);

        var body = await Envelope.OkAsync(await fixture.As(user).GetAsync($"{StreamisFixture.Base}/streamJobManager/project/core/target?projectName={project}"));

        var core = body["data"]!["taskCore"]!.AsObject();
        Assert.Equal(["projectName", "successNum", "waitRestartNum", "alertNum", "slowTaskNum", "runningNum", "failureNum", "stoppedNum", "startingNum", "stoppingNum"],
            core.Select(p => p.Key));
        Assert.Equal(expected, (int)core["failureNum"]!);
        Assert.Equal(0, (int)core["runningNum"]!);
        await Envelope.OkAsync(await fixture.As(user).GetAsync($"{StreamisFixture.Base}/streamJobManager/project/core/target?projectName=null"));
    }
}
