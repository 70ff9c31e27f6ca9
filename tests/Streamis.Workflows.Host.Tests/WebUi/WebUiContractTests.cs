using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>
/// The calls of the Streamis 0.2.0 web UI (reference streamis-web-ui.md), replayed with the bodies it sends by a signed-in
/// browser, asserting the fields it reads. The job operations are in <see cref="WebUiJobOperationContractTests"/>.
/// </summary>
public sealed class WebUiContractTests : IDisposable
{
    private const string Jobs = StreamisFixture.Base + "/streamJobManager/job";
    private const string Config = StreamisFixture.Base + "/streamJobManager/config";
    private readonly WebUiFixture ui = new();

    private async Task<(string Project, long JobId, HttpClient Browser)> JobAsync()
    {
        var project = await ui.ProjectAsync();
        var saved = await ui.Service<JobService>().CreateOrUpdateAsync(StreamisFixture.SqlMeta(project, "orders"), "alice", privileged: true);
        return (project, saved.JobId, await ui.SignedInAsync("alice", WebUiFixture.AlicePassword));
    }

    private static JsonNode Data(JsonObject body) => body["data"]!;

    [Fact]
    public async Task Job_list_page_reads_task_counts_and_rows_with_totalPage_as_the_item_count()
    {
        var (project, jobId, browser) = await JobAsync();
        var core = Data(await Envelope.OkAsync(await browser.GetAsync($"{StreamisFixture.Base}/streamJobManager/project/core/target?projectName={project}")));
        foreach (var field in new[] { "successNum", "waitRestartNum", "alertNum", "slowTaskNum", "runningNum", "failureNum", "stoppedNum", "startingNum", "stoppingNum" })
            Assert.True(core["taskCore"]![field] is JsonValue, $"taskCore.{field} missing: {core}");

        var list = Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/list?pageNow=1&pageSize=10&projectName={project}")));
        Assert.Equal(1, (long)list["totalPage"]!);
        var row = list["tasks"]!.AsArray().Single()!;
        Assert.Equal(jobId, (long)row["id"]!);
        Assert.Equal("orders", (string?)row["name"]);
        Assert.Equal(project, (string?)row["projectName"]);
        Assert.Equal("flink.sql", (string?)row["jobType"]);
        Assert.Equal("alice", (string?)row["createBy"]);
        Assert.Equal("v00001", (string?)row["version"]);
        Assert.InRange((int)row["status"]!, 0, 9);
        Assert.True((long)row["lastVersionTime"]! > 0);
        Assert.NotNull(row["label"]);
        Assert.NotNull(row["description"]);

        var filtered = Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/list?pageNow=1&pageSize=10&projectName={project}&jobName=nomatch")));
        Assert.Equal(0, (long)filtered["totalPage"]!);
    }

    [Fact]
    public async Task Job_detail_tabs_read_version_details_history_content_and_alerts()
    {
        var (_, jobId, browser) = await JobAsync();
        var detail = Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/version?jobId={jobId}&version=v00001")))["detail"]!;
        Assert.Equal("v00001", (string?)detail["version"]);

        var details = Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/details?jobId={jobId}&version=v00001")))["details"]!;
        foreach (var list in new[] { "realTimeTraffic", "dataNumber", "loadCondition" })
            Assert.IsType<JsonArray>(details[list]);

        Assert.IsType<JsonArray>(Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/execute/history?jobId={jobId}&version=v00001")))["details"]);

        var content = Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/jobContent?jobId={jobId}&version=v00001")))["jobContent"]!;
        // A SQL job's content tab shows the SQL; jar lists belong to flink.jar jobs.
        Assert.Equal("select 1", (string?)content["sql"]);

        Assert.IsType<JsonArray>(Data(await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/alert?jobId={jobId}&version=v00001")))["list"]);
    }

    [Fact]
    public async Task Configuration_tab_reads_definitions_and_values_and_shows_errorMsg_desc_on_a_bad_save()
    {
        var (_, jobId, browser) = await JobAsync();
        Assert.IsType<JsonArray>(Data(await Envelope.OkAsync(await browser.GetAsync($"{Config}/getWorkspaceUsers")))["users"]);
        var defs = Data(await Envelope.OkAsync(await browser.GetAsync($"{Config}/definitions")))["def"]!.AsArray();
        var section = defs.First(d => d!["child_def"]!.AsArray().Count > 0)!;
        var child = section["child_def"]![0]!;
        foreach (var field in new[] { "key", "name", "type", "required", "visiable", "ref_values" })
            Assert.True(child[field] is not null, $"child_def.{field} missing: {child}");

        var values = Data(await Envelope.OkAsync(await browser.GetAsync($"{Config}/json/{jobId}"))).AsObject();
        Assert.NotEmpty(values);
        await Envelope.OkAsync(await browser.PostAsync($"{Config}/json/{jobId}", new StringContent(values.ToJsonString(), Encoding.UTF8, "application/json")));

        var numberKey = defs.SelectMany(d => d!["child_def"]!.AsArray()).First(c => (string?)c!["type"] == "NUMBER")!;
        var sectionKey = (string)defs.First(d => d!["child_def"]!.AsArray().Any(c => (string?)c!["key"] == (string?)numberKey["key"]))!["key"]!;
        var bad = new JsonObject { [sectionKey] = new JsonObject { [(string)numberKey["key"]!] = "not-a-number" } };
        var refused = await browser.PostAsync($"{Config}/json/{jobId}", new StringContent(bad.ToJsonString(), Encoding.UTF8, "application/json"));
        var desc = (string?)(await Envelope.ErrorAsync(refused))["data"]!["errorMsg"]!["desc"];
        Assert.Contains((string)numberKey["key"]!, desc);
    }

    [Theory]
    [InlineData("GET", "/streamis/streamJobManager/project/core/target?projectName=null")]
    [InlineData("GET", "/streamis/streamJobManager/job/list?pageNow=1&pageSize=10")]
    [InlineData("GET", "/streamis/streamJobManager/job/details?jobId=1&version=v00001")]
    [InlineData("GET", "/streamis/streamJobManager/config/getWorkspaceUsers")]
    [InlineData("GET", "/streamis/streamJobManager/config/json/1")]
    [InlineData("POST", "/streamis/streamJobManager/job/execute")]
    [InlineData("PUT", "/streamis/streamJobManager/job/status")]
    [InlineData("GET", "/streamis/streamProjectManager/project/files/list?projectName=p&pageNow=1&pageSize=10")]
    [InlineData("GET", "/user/userInfo")]
    [InlineData("GET", "/dss/framework/workspace/getBaseInfo")]
    [InlineData("GET", "/streamis/no/such/path")]
    public async Task Without_a_session_every_ui_call_answers_status_minus_1(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), WebUiFixture.Api + path);
        if (method != "GET") request.Content = JsonContent.Create(new { jobId = 1 });
        using var response = await ui.Browser().SendAsync(request);
        await Envelope.ReadAsync(response, HttpStatusCode.Unauthorized, -1);
    }

    public void Dispose() => ui.Dispose();
}
