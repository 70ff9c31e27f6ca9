using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>A workflow made in the browser from nothing: palette, ports, inputs, publish, run, watch.</summary>
public sealed class BuildAndRunTests(DesignerHost host, BrowserFixture browser)
{
    [Fact]
    public async Task A_workflow_built_by_drag_and_connect_publishes_runs_and_turns_green()
    {
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        var id = WorkflowApi.UniqueId("built");

        await session.GotoAsync("");
        await session.ScreenshotAsync("01-workflow-list");
        await page.Button("New workflow").ClickAsync();
        await page.GetByLabel("Id").FillAsync(id);
        await page.GetByLabel("Name").FillAsync("Built in the browser");
        await page.Button("Create").ClickAsync();
        await Expect(page.Locator(".designer-title h1")).ToHaveTextAsync("Built in the browser");
        await Expect(page.Locator(".canvas-empty")).ToBeVisibleAsync();

        // A workflow input, declared in the workflow's panel.
        await page.Button("Add input").ClickAsync();
        await page.GetByLabel("input 1 name").FillAsync("who");
        await page.Locator(".declaration").GetByLabel("required").CheckAsync();

        // Two activities from the palette, one connection drawn between their ports.
        await page.DragFromPaletteAsync("Log", 140, 200);
        await Expect(page.Node("log1")).ToBeVisibleAsync();
        await page.DragFromPaletteAsync("Log", 420, 200);
        await Expect(page.Node("log2")).ToBeVisibleAsync();
        await page.ConnectAsync("log1", "Done", "log2");
        await Expect(page.Edge("log1", "Done", "log2")).ToBeVisibleAsync();
        await page.Button("Auto-layout").ClickAsync();
        // Laid out left to right: the second step beside the first, on one row.
        await page.WaitForFunctionAsync("""
            () => {
              const box = (id) => document.querySelector(`.react-flow__node[data-id='${id}']`).getBoundingClientRect();
              const [a, b] = [box("log1"), box("log2")];
              return b.left - a.right > 20 && Math.abs(a.top - b.top) < 40;
            }
            """);

        // The host's validator says what is missing; the message sits on the input it is about.
        await Expect(page.Locator(".problems-toggle")).ToHaveTextAsync("2 problems");
        await Expect(page.Node("log1").Locator(".badge-problem")).ToHaveTextAsync("1 problem");
        await page.Node("log1").ClickAsync();
        await Expect(page.InputField("message").Locator(".field-error")).ToHaveTextAsync("is required by Log");
        await session.ScreenshotAsync("02-designer-validation");
        await page.InputEditor("log1", "message").FillAsync("Hello from the designer");
        await Expect(page.InputField("message").Locator(".field-error")).ToHaveCountAsync(0);
        await Expect(page.Node("log1").Locator(".badge-problem")).ToHaveCountAsync(0);

        // A bad Scriban expression is named on its field, and goes once it is right.
        await page.Locator(".problem-item", new() { HasText = "log2" }).ClickAsync();
        await Expect(page.Locator("[data-panel-activity='log2']")).ToBeVisibleAsync();
        await page.InputField("message").GetByRole(AriaRole.Button, new() { Name = "Expression" }).ClickAsync();
        await page.InputEditor("log2", "message").FillAsync("Run {{ workflow.instanceId ");
        await Expect(page.InputField("message").Locator(".field-error")).ToBeVisibleAsync();
        await page.InputEditor("log2", "message").FillAsync("Run {{ workflow.definitionId }} for {{ input.who }}");
        await Expect(page.Locator(".problems-toggle")).ToHaveTextAsync("No problems");

        await page.Button("Publish").ClickAsync();
        await Expect(page.Locator(".status-line")).ToHaveTextAsync(new Regex("Published version 1"));
        await Expect(page.SaveState()).ToHaveTextAsync("published");
        await session.ScreenshotAsync("03-designer-built");

        await page.Button("Run").ClickAsync();
        var runForm = page.GetByRole(AriaRole.Dialog);
        await runForm.GetByLabel("who").FillAsync("the ops team");
        await runForm.SubmitAsync();
        await Expect(page.InstanceStatus()).ToHaveTextAsync("Completed");
        await Expect(page.NodeBox("log1")).ToHaveClassAsync(new Regex("state-done"));
        await Expect(page.NodeBox("log2")).ToHaveClassAsync(new Regex("state-done"));
        var journal = page.Locator("table.journal tbody tr");
        await Expect(journal.Filter(new() { HasText = "Hello from the designer" })).ToHaveCountAsync(1);
        await Expect(journal.Filter(new() { HasText = $"Run {id} for the ops team" })).ToHaveCountAsync(1);
        await Expect(page.Locator("table.journal tr.journal-completed[data-activity-id='log2']")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("04-instance-completed");
        session.AssertNoConsoleErrors();
    }
}
