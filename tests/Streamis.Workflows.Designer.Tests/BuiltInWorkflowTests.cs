using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>
/// The workflows shipped in workflows/ (every file, in any subfolder) open in the designer like any other: whatever
/// lands there later is covered without touching this test.
/// </summary>
public sealed class BuiltInWorkflowTests(DesignerHost host, BrowserFixture browser)
{
    [Fact]
    public void Every_workflow_file_is_loaded_at_start()
    {
        Assert.NotEmpty(host.WorkflowFiles);
        var fileIds = host.WorkflowFiles
            .Select(f => (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Workflows, f)))!["id"]!)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fileIds, host.StartupDefinitions.Select(d => (string)d["definitionId"]!).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Every_built_in_workflow_opens_without_problems_with_its_nested_activities_and_run_form()
    {
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        foreach (var id in host.StartupDefinitions.Select(d => (string)d["definitionId"]!))
        {
            var definition = (await host.Admin.DefinitionAsync(id, "published"))["definition"]!.AsObject();
            await session.OpenDefinitionAsync(id);
            await Expect(page.Nodes()).ToHaveCountAsync(TopLevelNodeCount(definition));
            await Expect(page.Locator(".problems-toggle")).ToHaveTextAsync("No problems");
            await session.ScreenshotAsync($"builtin-{id}");

            // Each slot opens on its own canvas, and the breadcrumb leads back.
            var slots = page.Locator(".react-flow__node .slot-button");
            var slotCount = await slots.CountAsync();
            for (var i = 0; i < slotCount; i++)
            {
                await page.Locator(".react-flow__node .slot-button").Nth(i).ClickAsync();
                await Expect(page.Locator(".breadcrumbs [aria-current='location']")).Not.ToHaveTextAsync("Workflow");
                await page.Locator(".breadcrumbs").GetByRole(AriaRole.Button, new() { Name = "Workflow" }).ClickAsync();
                await Expect(page.Nodes()).ToHaveCountAsync(TopLevelNodeCount(definition));
            }

            // The run form has a field for every declared input.
            await page.Button("Run").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            foreach (var input in definition["inputs"]?.AsArray() ?? [])
                await Expect(dialog.Locator($"#run-input-{(string)input!["name"]!}")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
        }
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_built_in_workflow_runs_from_the_designer_like_any_other()
    {
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.OpenDefinitionAsync("monitor");

        await page.Button("Run").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#run-input-parallelism").FillAsync("5");
        await dialog.SubmitAsync();

        // One tick of the failure monitor: it polls the running tasks (none need a change here) and ends.
        await Expect(page.InstanceStatus()).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("table.journal tbody tr")).Not.ToHaveCountAsync(0);
        await session.ScreenshotAsync("builtin-monitor-run");
        session.AssertNoConsoleErrors();
    }

    /// <summary>What the first canvas shows: a list container's children, or the root activity alone.</summary>
    private static int TopLevelNodeCount(JsonObject definition)
    {
        var root = definition["root"]!.AsObject();
        return (string)root["type"]! is "Flowchart" or "Sequence" or "Parallel" ? root["activities"]!.AsArray().Count : 1;
    }
}
