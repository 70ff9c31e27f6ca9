using Microsoft.Playwright;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>
/// One browser tab on the designer at 1280×800. It records every console
/// error and page error, so a test can assert there were none.
/// </summary>
public sealed class DesignerSession : IAsyncDisposable
{
    public const string SessionKey = "streamis-workflows.session";

    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];

    private DesignerSession(IBrowserContext context, IPage page, DesignerHost host)
    {
        this.context = context;
        Page = page;
        Host = host;
        page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (consoleErrors) consoleErrors.Add($"page error: {error}"); };
    }

    public IPage Page { get; }

    public DesignerHost Host { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A tab signed in with <paramref name="token"/> (the admin's by default), or not signed in when it is null.</summary>
    public static async Task<DesignerSession> OpenAsync(BrowserFixture browser, DesignerHost host, string? token = DesignerHost.AdminToken)
    {
        Assert.SkipWhen(browser.SkipReason is not null, browser.SkipReason ?? "");
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = host.BaseUrl.ToString(),
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        if (token is not null)
            await context.AddInitScriptAsync($"sessionStorage.setItem('{SessionKey}', JSON.stringify({{ token: '{token}' }}));");
        return new DesignerSession(context, await context.NewPageAsync(), host);
    }

    /// <summary>Opens a designer route, e.g. "" for the workflow list or "definitions/x".</summary>
    public async Task GotoAsync(string route)
    {
        await Page.GotoAsync($"designer/{route}");
        await Assertions.Expect(Page.Locator(".app, .sign-in")).ToBeVisibleAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }

    /// <summary>Fails with every console and page error seen, except those containing one of <paramref name="expected"/>.</summary>
    public void AssertNoConsoleErrors(params string[] expected)
    {
        List<string> errors;
        lock (consoleErrors) errors = consoleErrors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
    }

    /// <summary>Keeps how the page looked when the test ended (passed or not) under screenshots/last/, then closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var name = TestContext.Current.TestMethod?.MethodName ?? "test";
            var folder = Path.Combine(ScreenshotFolder, "last");
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // A page that cannot be drawn any more (it crashed, it was closed) leaves no picture; the test says why.
        }
        await context.DisposeAsync();
    }
}
