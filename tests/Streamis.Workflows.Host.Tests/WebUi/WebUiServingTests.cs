using System.Net;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.WebUi;

/// <summary>The Streamis web UI build served on the host's own origin, beside the designer.</summary>
public sealed class WebUiServingTests : IDisposable
{
    private readonly WebUiFixture ui = new();

    [Fact]
    public async Task The_index_and_assets_are_served_under_streamis_without_a_session()
    {
        var browser = ui.Browser();
        using var index = await browser.GetAsync("/streamis/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(WebUiFixture.IndexHtml, await index.Content.ReadAsStringAsync());
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        using var asset = await browser.GetAsync("/streamis/static/js/app.js");
        Assert.Equal(WebUiFixture.AppJs, await asset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/streamis/static/js/missing.js")).StatusCode);
    }

    [Fact]
    public async Task Streamis_without_a_slash_redirects_and_the_root_still_goes_to_the_designer()
    {
        var browser = ui.Browser();
        using var bare = await browser.GetAsync("/streamis?x=1");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/streamis/?x=1", bare.Headers.Location?.OriginalString);
        using var root = await browser.GetAsync("/");
        Assert.Equal("/designer/", root.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/designer")]
    [InlineData("/api/rest_j")]
    [InlineData("/")]
    public void A_path_taken_by_the_host_stops_it_with_a_clear_message(string path)
    {
        using var taken = new WebUiFixture(new Dictionary<string, string?> { ["StreamisWebUi:Path"] = path });
        var error = Assert.ThrowsAny<Exception>(() => taken.Host.CreateClient());
        Assert.Contains("StreamisWebUi:Path", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_index_html_stops_the_host_with_a_clear_message()
    {
        using var empty = new WebUiFixture(new Dictionary<string, string?> { ["StreamisWebUi:Directory"] = Path.GetTempPath() + Guid.NewGuid().ToString("N") });
        var error = Assert.ThrowsAny<Exception>(() => empty.Host.CreateClient());
        Assert.Contains("holds no index.html", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_served_there()
    {
        using var host = new HostFactory();
        Assert.NotEqual(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/streamis/index.html")).StatusCode);
    }

    public void Dispose() => ui.Dispose();
}
