using Microsoft.Playwright;
using Streamis.Workflows.Designer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Streamis.Workflows.Designer.Tests;

/// <summary>Signing in, the lists of definitions and instances, and the bulk operation form.</summary>
public sealed class ListTests(DesignerHost host, BrowserFixture browser)
{
    [Fact]
    public async Task Signing_in_takes_a_token_refuses_a_wrong_one_and_signing_out_asks_again()
    {
        await using var session = await DesignerSession.OpenAsync(browser, host, token: null);
        var page = session.Page;
        await session.GotoAsync("");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Streamis Workflows" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("00-sign-in");

        await page.GetByLabel("Token", new() { Exact = true }).FillAsync("not-a-token");
        await page.Button("Sign in").ClickAsync();
        await Expect(page.Locator(".sign-in .field-error")).ToHaveTextAsync("The host does not accept this token.");

        await page.GetByLabel("Token", new() { Exact = true }).FillAsync(DesignerHost.AdminToken);
        await page.Button("Sign in").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
        await Expect(page.Locator(".app-header .user")).ToContainTextAsync("admin");

        await page.Button("Sign out").ClickAsync();
        await Expect(page.GetByLabel("Token", new() { Exact = true })).ToBeVisibleAsync();
        // The refused token is the only error: Chromium reports the 401 it got for it.
        session.AssertNoConsoleErrors("401");
    }

    [Fact]
    public async Task Definitions_and_instances_are_filtered_and_paged()
    {
        var prefix = WorkflowApi.UniqueId("paged");
        for (var i = 1; i <= 18; i++) await host.Admin.SaveAsync(TestWorkflows.Child($"{prefix}-{i:00}"));
        var child = $"{prefix}-01";
        var parent = WorkflowApi.UniqueId("faults");
        await host.Admin.SaveAsync(TestWorkflows.CallsChild(parent, WorkflowApi.UniqueId("missing")));
        for (var i = 0; i < 3; i++) await host.Admin.StartAsync(child);
        await host.Admin.StartAsync(parent);

        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.GotoAsync("");
        await page.GetByLabel("Filter workflows").FillAsync(prefix);
        var rows = page.Locator("table[aria-label='Workflow definitions'] tbody tr");
        await Expect(rows).ToHaveCountAsync(15);
        await Expect(page.Locator(".pager")).ToContainTextAsync("Page 1 of 2 · 18 in all");
        await page.Button("Next").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        await session.GotoAsync($"instances?definitionId={child}");
        var instances = page.Locator("table[aria-label='Workflow instances'] tbody tr");
        await Expect(instances).ToHaveCountAsync(3);
        await Expect(instances.Locator(".status")).ToHaveTextAsync(["Completed", "Completed", "Completed"]);
        await page.GetByLabel("Workflow id").FillAsync(parent);
        await page.Button("Filter").ClickAsync();
        await Expect(instances).ToHaveCountAsync(1);
        await Expect(instances.Locator(".status")).ToHaveTextAsync("Faulted");
        await page.GetByLabel("Status").SelectOptionAsync("Completed");
        await Expect(instances).ToHaveTextAsync("No instance matches.");
        await page.GetByLabel("Status").SelectOptionAsync("Faulted");
        await Expect(instances.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await session.ScreenshotAsync("11-instances");
        await instances.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.InstanceStatus()).ToHaveTextAsync("Faulted");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_bulk_form_names_a_wrong_job_id_before_sending_anything()
    {
        await using var session = await DesignerSession.OpenAsync(browser, host);
        var page = session.Page;
        await session.GotoAsync("bulk");
        await page.GetByLabel("Operation").SelectOptionAsync("restart");
        await page.GetByLabel("Job ids").FillAsync("12, 13 x4");
        await page.GetByLabel("take a savepoint when stopping").CheckAsync();
        await page.Button("Start bulk restart").ClickAsync();
        await Expect(page.Locator(".bulk-form .field-error")).ToHaveTextAsync("Job ids: “x4” is not an id (a whole number)");
        await page.GetByLabel("Jobs at a time").FillAsync("0");
        await page.GetByLabel("Job ids").FillAsync("12, 13");
        await page.Button("Start bulk restart").ClickAsync();
        await Expect(page.Locator(".bulk-form .field-error")).ToHaveTextAsync("Parallelism: a whole number of 1 or more");
        await session.ScreenshotAsync("12-bulk-form");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_viewer_sees_workflows_and_runs_but_cannot_change_or_steer_them()
    {
        var id = WorkflowApi.UniqueId("viewed");
        await host.Admin.SaveAsync(TestWorkflows.Approval(id, WorkflowApi.UniqueId("never")));
        var instance = await host.Admin.StartAsync(id, new { job = "orders-etl" });
        await using var session = await DesignerSession.OpenAsync(browser, host, "viewer-code");
        var page = session.Page;

        await session.OpenDefinitionAsync(id);
        await Expect(page.Locator(".app-header .user")).ToContainTextAsync("watcher");
        await Expect(page.Button("Save")).ToBeDisabledAsync();
        await Expect(page.Button("Publish")).ToBeDisabledAsync();
        await Expect(page.PaletteItem("Log")).ToBeDisabledAsync();
        await page.Node("ask").ClickAsync();
        await Expect(page.InputEditor("ask", "message")).ToBeDisabledAsync();
        await Expect(page.Button("Delete activity")).ToHaveCountAsync(0);

        await session.GotoAsync($"instances/{instance}");
        await Expect(page.InstanceStatus()).ToHaveTextAsync("Suspended");
        await Expect(page.Button("Cancel")).ToHaveCountAsync(0);
        await Expect(page.Locator(".signal-form")).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }
}
