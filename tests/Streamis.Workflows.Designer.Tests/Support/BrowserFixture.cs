using Microsoft.Playwright;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>
/// Headless Chromium from the system (Debian's chromium package), driven by Playwright; never a downloaded browser.
/// Without one the browser tests skip, saying why — unless STREAMIS_TEST_REQUIRE_BROWSER=1 (CI), where that fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string PathVariable = "STREAMIS_TEST_CHROMIUM";
    public const string RequireVariable = "STREAMIS_TEST_REQUIRE_BROWSER";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given ? given : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            var reason = $"no Chromium at {path}: install Debian's chromium package (apt-get install chromium) or set {PathVariable}";
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1") throw new InvalidOperationException($"{RequireVariable}=1 but {reason}");
            SkipReason = reason;
            return;
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        // The machine is small and shared: waits are generous, they are not timings.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
