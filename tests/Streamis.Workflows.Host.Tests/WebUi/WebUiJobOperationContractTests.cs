using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Plugins;
using Streamis.Workflows.Host.Tests.StreamisRest;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>
/// The web UI's job operations (start, stop, snapshot, logs, bulk restart, status polling) on a Local-engine job, as
/// the UI sends and reads them. These endpoints are wired on another branch; until it is merged, this file fails.
/// </summary>
public sealed class WebUiJobOperationContractTests : IDisposable
{
    private const string Jobs = StreamisFixture.Base + "/streamJobManager/job";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly PluginFolder plugins = new();
    private readonly WebUiFixture ui;

    public WebUiJobOperationContractTests()
    {
        plugins.Add(PluginFolder.Shipped("local"));
        ui = new WebUiFixture(new Dictionary<string, string?> { ["Plugins:Directory"] = plugins.Root });
    }

    private async Task<(long JobId, HttpClient Browser)> LocalJobAsync(string name = "clicks")
    {
        var project = await ui.ProjectAsync();
        var meta = new JobMeta(project, name, JobTypes.Local, new JsonObject { ["rate"] = 50, ["checkpointIntervalSeconds"] = 1 }, "ui", "a local job");
        var saved = await ui.Service<JobService>().CreateOrUpdateAsync(meta, "alice", privileged: true);
        return (saved.JobId, await ui.SignedInAsync("alice", WebUiFixture.AlicePassword));
    }

    /// <summary>Polls job/status as the UI does until every job's statusCode is one of <paramref name="codes"/>.</summary>
    private static async Task<JsonArray> StatusUntilAsync(HttpClient browser, long[] ids, params int[] codes)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await browser.PutAsJsonAsync($"{Jobs}/status", new { id_list = ids });
            var result = (await Envelope.OkAsync(response))["data"]!["result"]!.AsArray();
            if (result.Count == ids.Length && result.All(r => codes.Contains((int)r!["statusCode"]!))) return result;
            if (DateTime.UtcNow > deadline) Assert.Fail($"jobs never reached {string.Join("/", codes)}: {result.ToJsonString()}");
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Start_snapshot_logs_and_stop_answer_the_fields_the_ui_reads()
    {
        var (jobId, browser) = await LocalJobAsync();
        await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/execute", new { jobId }));
        var running = await StatusUntilAsync(browser, [jobId], 5);
        Assert.Equal(jobId, (long)running[0]!["jobId"]!);

        var snapshot = await Envelope.OkAsync(await browser.PutAsJsonAsync($"{Jobs}/snapshot/{jobId}", new { }));
        Assert.False(string.IsNullOrEmpty((string?)snapshot["data"]!["path"]));

        var logs = (await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/logs?jobId={jobId}&fromLine=1&pageSize=100&taskId=&logType=client")))["data"]!["logs"]!;
        Assert.IsType<JsonArray>(logs["logs"]);
        Assert.NotNull(logs["endLine"]);

        await Envelope.OkAsync(await browser.GetAsync($"{Jobs}/stop?jobId={jobId}&snapshot=false"));
        await StatusUntilAsync(browser, [jobId], 1, 6, 7);
    }

    [Fact]
    public async Task Bulk_restart_pauses_with_both_result_keys_then_executes_and_polls_to_running()
    {
        var (first, browser) = await LocalJobAsync("a");
        var project = (await ui.Service<JobService>().FindAsync(first))!.ProjectName;
        var second = (await ui.Service<JobService>().CreateOrUpdateAsync(
            new JobMeta(project, "b", JobTypes.Local, new JsonObject { ["rate"] = 50 }, "ui", "b"), "alice", privileged: true)).JobId;
        long[] ids = [first, second];
        await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/bulk/execution", new { bulk_sbj = ids }));
        await StatusUntilAsync(browser, ids, 5);

        var pause = (await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/bulk/pause", new { bulk_sbj = ids, snapshot = true })))["data"]!["result"]!;
        Assert.Empty(pause["Failed"]!["data"]!.AsArray());
        var paused = pause["Success"]!["data"]!.AsArray();
        Assert.Equal(ids.Order(), paused.Select(p => (long)p!["jobId"]!).Order());
        Assert.All(paused, p => Assert.NotNull(p!["snapshotPath"]));

        await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/bulk/execution", new { bulk_sbj = ids }));
        await StatusUntilAsync(browser, ids, 5);
        await Envelope.OkAsync(await browser.PostAsJsonAsync($"{Jobs}/bulk/pause", new { bulk_sbj = ids, snapshot = false }));
    }

    public void Dispose()
    {
        ui.Dispose();
        plugins.Dispose();
    }
}
