using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>The designer's main actions without a mouse.</summary>
public sealed class KeyboardTests(DesignerHost host, BrowserFixture browser)
{
    private const int MaxTabs = 150;

    [Fact]
    public async Task Every_main_action_is_reached_with_Tab_and_works_from_the_keyboard()
    {
        var id = WorkflowApi.UniqueId("keys");
        await host.Admin.SaveAsync(TestWorkflows.Chain(id, 2), publish: false);
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.OpenDefinitionAsync(id);
        await Expect(page.Nodes()).ToHaveCountAsync(2);

        var reached = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await FocusedAsync(page));
        }
        // Undo and Redo are disabled until there is something to take back (then Ctrl+Z and Ctrl+Y work, below).
        foreach (var action in new[] { "Auto-layout", "Fit", "Save", "Publish", "Run", "Versions", "Export",
                     "Search activities", "palette:Log", "palette:If", "node:a1", "node:a2" })
            Assert.True(reached.Contains(action), $"Tab never reached {action}; it reached: {string.Join(" | ", reached.Distinct())}");

        // Add an activity: palette search, then Enter on the item.
        await TabToAsync(page, "Search activities");
        await page.Keyboard.TypeAsync("signal");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("palette:WaitForSignal", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Node("waitForSignal1")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-panel-activity='waitForSignal1']")).ToBeVisibleAsync();

        // Select a node, delete it, take the deletion back.
        await TabToAsync(page, "node:a2");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Node("a2")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Node("a2")).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".status-line")).ToHaveTextAsync(new Regex("Saved draft version 1"));
        await Expect(page.SaveState()).ToHaveTextAsync("draft");

        // Never published: the run form says so rather than offering a start the host would refuse.
        await page.Keyboard.PressAsync("Shift+Tab");
        await TabToAsync(page, "Run");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("has no published version yet");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }

    /// <summary>What has focus, named as a user knows it: its label, a palette item's type, a node's id.</summary>
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e) return "";
          if (e.classList.contains("react-flow__node")) return "node:" + e.getAttribute("data-id");
          if (e.dataset.activityType) return "palette:" + e.dataset.activityType;
          return (e.getAttribute("aria-label") || e.textContent || e.id || e.tagName).trim();
        }
        """);

    private static async Task TabToAsync(IPage page, string target)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(page) == target) return;
        }
        Assert.Fail($"Tab never reached {target}");
    }
}
