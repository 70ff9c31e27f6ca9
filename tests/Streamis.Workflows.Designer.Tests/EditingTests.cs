using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>Editing beyond a flat flowchart, and what a definition's history offers: versions, compare, export, import.</summary>
public sealed class EditingTests(DesignerHost host, BrowserFixture browser)
{
    [Fact]
    public async Task An_Ifs_branches_and_a_Switchs_cases_are_edited_like_any_canvas_and_undo_takes_them_back()
    {
        var id = WorkflowApi.UniqueId("branches");
        await host.Admin.SaveAsync(TestWorkflows.Branches(id), publish: false);
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.OpenDefinitionAsync(id);

        // A Switch has a port per case; a new case is a new port, which can be connected at once.
        var route = page.Node("route");
        await Expect(route.Locator(".react-flow__handle.source")).ToHaveCountAsync(3);
        await route.ClickAsync();
        await page.InputEditor("route", "cases").FillAsync("""[{"name": "Alpha", "value": "a"}, {"name": "Beta", "value": "b"}, {"name": "Gamma", "value": "g"}]""");
        await Expect(route.Locator(".react-flow__handle[data-handleid='Gamma']")).ToBeVisibleAsync();
        await page.DragFromPaletteAsync("Log", 450, 300);
        await Expect(page.Node("log1")).ToBeVisibleAsync();
        await page.ConnectAsync("route", "Gamma", "log1");
        await Expect(page.Edge("route", "Gamma", "log1")).ToBeVisibleAsync();

        // The If's then branch opens on a canvas of its own; what is dropped there is the branch.
        await page.Node("check").Locator(".slot-button", new() { HasText = "then" }).ClickAsync();
        await Expect(page.Locator(".breadcrumbs [aria-current='location']")).ToHaveTextAsync("check › then");
        await page.DragFromPaletteAsync("Delay", 300, 200);
        await Expect(page.Node("delay1")).ToBeVisibleAsync();
        await page.InputEditor("delay1", "duration").FillAsync("5s");
        await session.ScreenshotAsync("09-designer-if-branch");
        await page.Locator(".breadcrumbs").GetByRole(AriaRole.Button, new() { Name = "Workflow" }).ClickAsync();
        await Expect(page.Node("check").Locator(".slot-button", new() { HasText = "then" })).ToContainTextAsync("delay1");

        // Undo goes back edit by edit (typing the duration was one), redo forward again.
        await page.Button("Undo").ClickAsync();
        await page.Button("Undo").ClickAsync();
        await Expect(page.Node("check").Locator(".slot-button", new() { HasText = "then" })).ToContainTextAsync("empty");
        await page.Button("Redo").ClickAsync();
        await Expect(page.Node("check").Locator(".slot-button", new() { HasText = "then" })).ToContainTextAsync("delay1");
        await page.Button("Redo").ClickAsync();

        await page.Button("Save").ClickAsync();
        await Expect(page.SaveState()).ToHaveTextAsync("draft");
        var saved = (await host.Admin.DefinitionAsync(id))["definition"]!["root"]!;
        var check = saved["activities"]!.AsArray().First(a => (string)a!["id"]! == "check")!;
        Assert.Equal("delay1", (string)check["then"]!["id"]!);
        Assert.Equal("5s", (string)check["then"]!["inputs"]!["duration"]!);
        Assert.Contains(saved["connections"]!.AsArray(), c => (string)c!["from"]! == "route" && (string)c["outcome"]! == "Gamma" && (string)c["to"]! == "log1");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Dragging_a_node_saves_nothing_until_it_is_dropped_and_then_saves_once()
    {
        var id = WorkflowApi.UniqueId("drag");
        await host.Admin.SaveAsync(TestWorkflows.Chain(id, 3), publish: false);
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.OpenDefinitionAsync(id);
        await Expect(page.Nodes()).ToHaveCountAsync(3);
        var saves = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/api/workflows/definitions") Interlocked.Increment(ref saves);
        };

        var box = (await page.Node("a2").Locator(".node-header").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 30; step++)
        {
            await page.Mouse.MoveAsync(box.X + box.Width / 2 + step * 5, box.Y + box.Height / 2 + step * 4);
            await page.WaitForTimeoutAsync(20);
        }
        Assert.Equal(0, Volatile.Read(ref saves));
        await page.Mouse.UpAsync();

        // Autosave waits for a quiet moment after the drop, then writes the new position once.
        await Expect(page.SaveState()).ToHaveTextAsync("draft");
        Assert.Equal(1, Volatile.Read(ref saves));
        var moved = (await host.Admin.DefinitionAsync(id))["definition"]!["root"]!["activities"]![1]!["metadata"]!["designer"]!["position"]!;
        Assert.NotEqual(240, (int)moved["x"]!);
        await page.Button("Undo").ClickAsync();
        await Expect(page.SaveState()).ToHaveTextAsync("draft");
        Assert.Equal(240, (int)(await host.Admin.DefinitionAsync(id))["definition"]!["root"]!["activities"]![1]!["metadata"]!["designer"]!["position"]!["x"]!);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Versions_are_listed_and_compared_and_a_definition_goes_out_and_back_in_as_JSON()
    {
        var id = WorkflowApi.UniqueId("versions");
        await host.Admin.SaveAsync(TestWorkflows.Chain(id, 2));
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.OpenDefinitionAsync(id);

        await page.Locator(".designer-panel").GetByLabel("Name").FillAsync("Two steps, renamed");
        await page.Node("a2").ClickAsync();
        await page.InputEditor("a2", "message").FillAsync("the second step");
        await page.Button("Save").ClickAsync();
        await Expect(page.Locator(".status-line")).ToHaveTextAsync(new Regex("Saved draft version 2"));

        await page.Button("Versions").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("tbody tr")).ToHaveCountAsync(2);
        await dialog.GetByLabel("Compare from").SelectOptionAsync("1");
        await dialog.GetByLabel("Compare with").SelectOptionAsync("2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Expect(dialog.Locator(".change")).ToHaveCountAsync(2);
        await Expect(dialog.Locator(".change", new() { HasText = "workflow" })).ToContainTextAsync("Two steps, renamed");
        await Expect(dialog.Locator(".change", new() { HasText = "a2" })).ToContainTextAsync("the second step");
        await session.ScreenshotAsync("10-versions-compare");
        await page.Keyboard.PressAsync("Escape");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Button("Export").ClickAsync());
        Assert.Equal($"{id}.json", download.SuggestedFilename);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!.AsObject();
        Assert.Equal("Two steps, renamed", (string)exported["name"]!);

        var copy = WorkflowApi.UniqueId("imported");
        exported["id"] = copy;
        exported["name"] = "Imported copy";
        await session.GotoAsync("");
        await page.GetByLabel("Workflow JSON file").SetInputFilesAsync(new FilePayload
        {
            Name = "copy.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(exported.ToJsonString()),
        });
        await Expect(page.Locator(".designer-title h1")).ToHaveTextAsync("Imported copy");
        await Expect(page.Nodes()).ToHaveCountAsync(2);
        session.AssertNoConsoleErrors();
    }
}
