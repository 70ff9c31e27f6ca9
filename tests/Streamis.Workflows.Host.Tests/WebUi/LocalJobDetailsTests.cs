using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Plugins;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.ProjectFiles;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>
/// The job detail page of a job on the Local engine (the shipped plugin, real runner processes): its details tab shows
/// the records the runner has written and their rate, never Streamis' samples, and a project file the job names reaches
/// the runner.
/// </summary>
public sealed class LocalJobDetailsTests : IDisposable
{
    private const string Jobs = StreamisFixture.Base + "/streamJobManager/job";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly PluginFolder plugins = new();
    private readonly WebUiFixture ui;

    public LocalJobDetailsTests()
    {
        plugins.Add(PluginFolder.Shipped("local"));
        ui = new WebUiFixture(new Dictionary<string, string?> { ["Plugins:Directory"] = plugins.Root });
    }

    private static async Task<JsonNode> DetailsAsync(HttpClient browser, long jobId) =>
        (await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/details?jobId={jobId}&version=v00001")))["data"]!["details"]!;

    private static long Records(JsonNode details) => details["dataNumber"]!.AsArray() is [{ } row] ? (long)row["dataNumber"]! : 0;

    private static async Task<JsonNode> DetailsUntilAsync(HttpClient browser, long jobId, Func<JsonNode, bool> holds, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var details = await DetailsAsync(browser, jobId);
            if (holds(details)) return details;
            if (DateTime.UtcNow > deadline) Assert.Fail($"details never showed {what}: {details.ToJsonString()}");
            await Task.Delay(300);
        }
    }

    [Fact]
    public async Task A_running_local_job_shows_a_growing_record_count_its_rate_and_the_project_file_it_names()
    {
        var project = await ui.ProjectAsync();
        using (var lookup = new MemoryStream(Encoding.UTF8.GetBytes("id,name\n1,one\n")))
            await ui.Service<ProjectFileService>().UploadAsync(new ProjectFileUpload(project, "lookup.csv", "v1", null, false, "alice"), lookup);
        var meta = new JobMeta(project, "clicks", JobTypes.Local, new JsonObject { ["rate"] = 50, ["resources"] = new JsonArray("lookup.csv") });
        var jobId = (await ui.Service<JobService>().CreateOrUpdateAsync(meta, "alice", privileged: true)).JobId;
        var browser = await ui.SignedInAsync("alice", WebUiFixture.AlicePassword);
        var before = await DetailsAsync(browser, jobId);
        foreach (var list in new[] { "dataNumber", "loadCondition", "realTimeTraffic" })
            Assert.Empty(before[list]!.AsArray());

        await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/execute", new { jobId }));
        var first = await DetailsUntilAsync(browser, jobId, d => Records(d) > 0, "records written");
        var later = await DetailsUntilAsync(browser, jobId, d => Records(d) > Records(first), "a growing record count");

        Assert.Equal("events.txt", (string?)later["dataNumber"]![0]!["dataName"]);
        var traffic = later["realTimeTraffic"]!.AsArray().Single()!;
        Assert.Matches(@"^\d+(\.\d)? Records/S$", (string)traffic["sinkSpeed"]!);
        Assert.NotEqual("0 Records/S", (string)traffic["sinkSpeed"]!);
        Assert.Equal("events.txt", (string?)traffic["sinkKey"]);
        var load = later["loadCondition"]!.AsArray().Single()!;
        Assert.Equal("runner", (string?)load["type"]);
        Assert.EndsWith(" MB", (string)load["memory"]!);

        var logs = (await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/logs?jobId={jobId}&fromLine=1&pageSize=100&taskId=&logType=client&onlyKeywords=Resource")))["data"]!["logs"]!;
        Assert.Contains(logs["logs"]!.AsArray(), line => ((string)line!).Contains("Resource lookup.csv: 14 bytes"));
        await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/stop?jobId={jobId}&snapshot=false"));
    }

    public void Dispose()
    {
        ui.Dispose();
        plugins.Dispose();
    }
}
