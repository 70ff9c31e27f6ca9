using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>A bulk run started from the designer on Local-engine jobs: per-job rows and the totals fill in live.</summary>
public sealed class BulkViewTests(DesignerHost host, BrowserFixture browser)
{
    private const string Streamis = "api/rest_j/v1/streamis/streamJobManager/job";

    [Fact]
    public async Task A_bulk_start_shows_each_job_succeed_and_an_unknown_job_fail_without_stopping_the_others()
    {
        var project = WorkflowApi.UniqueId("bulkview");
        (await host.Admin.PostAsJsonAsync("api/projects", new { name = project, editUsers = new[] { "admin" } })).EnsureSuccessStatusCode();
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var created = await host.Admin.PostAsJsonAsync($"{Streamis}/createOrUpdate", new
            {
                projectName = project, jobName = $"numbers-{i}", jobType = "local", jobContent = new { rate = 20 },
            });
            var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True((int)body["status"]! == 0, body.ToJsonString());
            ids.Add((long)body["data"]!["jobId"]!);
        }
        const long unknown = 987654321;

        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.GotoAsync("bulk");
        await page.GetByLabel("Operation").SelectOptionAsync("start");
        await page.GetByLabel("Job ids").FillAsync($"{ids[0]}, {ids[1]}, {unknown}");
        await page.Button("Start bulk start").ClickAsync();

        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Jobs" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Expect(page.Locator(".bulk-summary")).ToContainTextAsync("3 of 3 done · 2 succeeded · 1 failed", new() { Timeout = 90_000 });
        foreach (var id in ids) await Expect(rows.And(page.Locator($"[data-job-id='{id}']"))).ToContainTextAsync("Succeeded");
        await Expect(page.Locator($"tr[data-job-id='{unknown}']")).ToContainTextAsync("Failed");
        await session.ScreenshotAsync("13-bulk-run");
        session.AssertNoConsoleErrors();

        foreach (var id in ids) await host.Admin.GetAsync($"{Streamis}/stop?jobId={id}&snapshot=false");
    }
}
