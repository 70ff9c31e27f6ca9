using System.Net;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Plugins.Dss.Tests.Support;

namespace Streamis.Workflows.Plugins.Dss.Tests;

/// <summary>The plugin as the host loads it from its folder: what it adds, and a bad setting named instead of a broken host.</summary>
public sealed class PluginLoadTests(DssHost dss) : IClassFixture<DssHost>
{
    [Fact]
    public async Task The_host_loads_the_plugin_its_activity_and_its_project_sync_workflow()
    {
        var plugins = await (await dss.Admin.GetAsync("/api/plugins")).JsonAsync(HttpStatusCode.OK);
        var descriptors = await dss.Admin.GetFromJsonArrayAsync("/api/workflows/descriptors");

        Assert.Contains(plugins["loaded"]!.AsArray(), p => (string?)p!["name"] == "dss");
        Assert.Empty(plugins["failed"]!.AsArray());
        var sync = Assert.Single(descriptors, d => (string?)d!["type"] == "SyncDssProjects")!;
        Assert.Equal("dss", (string?)sync["source"]);
        // Published once the host has started, whether or not a schedule is set.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpResponseMessage definition;
        while ((definition = await dss.Admin.GetAsync("/api/workflows/definitions/dss-project-sync")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var body = await definition.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Sync projects from DSS", true), ((string?)body["name"], (bool)body["isPublished"]!));
    }

    [Theory]
    [InlineData("Plugins:dss:GatewayUrl", "ftp://dss", "Plugins:dss:GatewayUrl must be an http(s) URL, not 'ftp://dss'")]
    [InlineData("Plugins:dss:UserRoles:0", "root", "Plugins:dss:UserRoles: 'root' is not a host role (viewer, operator, admin)")]
    [InlineData("Plugins:dss:ProjectSync:Interval", "00:05:00", "Plugins:dss:ProjectSync needs Plugins:dss:TokenUser and Plugins:dss:TokenCode")]
    [InlineData("Plugins:dss:UserCacheDuration", "soon", "Plugins:dss")]
    public async Task A_bad_setting_leaves_the_plugin_out_with_the_key_named_and_the_host_up(string key, string value, string reason)
    {
        using var host = DssHost.With(new Dictionary<string, string?> { [key] = value });

        var plugins = await (await host.Admin.GetAsync("/api/plugins")).JsonAsync(HttpStatusCode.OK);

        var failed = Assert.Single(plugins["failed"]!.AsArray(), p => (string?)p!["name"] == "dss")!;
        Assert.Contains(reason, (string?)failed["error"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Host.CreateClient().GetAsync("/health")).StatusCode);
    }
}
