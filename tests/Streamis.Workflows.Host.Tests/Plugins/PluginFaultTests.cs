using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>Broken plugins are listed with their error; the host, and the plugins that work, carry on.</summary>
public sealed class PluginFaultTests : IDisposable
{
    private readonly PluginFolder plugins = new();

    public PluginFaultTests() => plugins.Add(PluginFolder.Shipped("sample"));

    [Fact]
    public async Task Every_kind_of_broken_plugin_is_listed_with_its_error_while_the_sample_keeps_working()
    {
        // A dll of garbage bytes.
        var garbage = Directory.CreateDirectory(Path.Combine(plugins.Root, "bad-assembly")).FullName;
        File.WriteAllText(Path.Combine(garbage, "plugin.json"), """{"name": "bad-assembly", "version": "1.0.0", "sdkVersion": "1.0.0", "assembly": "Bad.dll"}""");
        File.WriteAllBytes(Path.Combine(garbage, "Bad.dll"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray());
        // A dependency left out of the folder; the test host carries another version of it, which must not stand in.
        var missing = plugins.Add(PluginFolder.TestPlugin("json-probe-12"), "missing-dependency");
        File.Delete(Path.Combine(missing, "Newtonsoft.Json.dll"));
        // Built for an Sdk this host does not have.
        var future = plugins.Add(PluginFolder.Shipped("sample"), "sdk-mismatch");
        File.WriteAllText(Path.Combine(future, "plugin.json"),
            """{"name": "sample-next", "version": "2.0.0", "sdkVersion": "2.0.0", "assembly": "Streamis.Workflows.Plugins.Sample.dll"}""");
        // An entry point that throws in ConfigureServices.
        plugins.Add(PluginFolder.TestPlugin("faulty"), "throws-on-start");
        // A folder that is no plugin at all.
        Directory.CreateDirectory(Path.Combine(plugins.Root, "stray-folder"));

        using var host = new HostFactory(plugins.Root, new Dictionary<string, string?> { ["Plugins:faulty:FailOnStart"] = "true" });
        var body = await host.ClientFor("admin").GetFromJsonAsync<JsonObject>("/api/plugins");

        Assert.Equal(["sample"], body!["loaded"]!.AsArray().Select(p => (string?)p!["name"]));
        var errors = body["failed"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (string)p!["error"]!);
        Assert.Equal(["bad-assembly", "missing-dependency", "sdk-mismatch", "stray-folder", "throws-on-start"], errors.Keys.Order());
        Assert.Contains("Bad.dll is not a .NET assembly", errors["bad-assembly"]);
        Assert.Contains("missing dependency Newtonsoft.Json.dll (Newtonsoft.Json 12.0.3)", errors["missing-dependency"]);
        Assert.Equal("built for Sdk 2.0.0, but this host has Sdk 1.0.0.0", errors["sdk-mismatch"]);
        Assert.Equal("no plugin.json in the folder", errors["stray-folder"]);
        Assert.Equal("its entry point Streamis.Workflows.TestPlugins.Faulty.FaultyPlugin.ConfigureServices failed: "
            + "InvalidOperationException: the faulty plugin was told to fail on start", errors["throws-on-start"]);

        // The rest of the host works: the sample's workflow runs, and health reports the failures without failing.
        await WorkflowCalls.PublishAsync(host.ClientFor("admin"), SamplePluginTests.AlertDefinition);
        var instance = await WorkflowCalls.RunAsync(host.ClientFor("operator"), "sample-alert", new { title = "still here" });
        Assert.Equal("Completed", WorkflowCalls.Status(instance));
        var health = await host.ClientFor(null).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var counts = (await health.Content.ReadFromJsonAsync<JsonObject>())!["plugins"]!;
        Assert.Equal((1, 5), ((int)counts["loaded"]!, (int)counts["failed"]!));
    }

    [Fact]
    public async Task A_plugin_activity_that_throws_faults_only_its_own_workflow_instance()
    {
        plugins.Add(PluginFolder.TestPlugin("faulty"));
        using var host = new HostFactory(plugins.Root);
        var admin = host.ClientFor("admin");
        var operatorClient = host.ClientFor("operator");
        await WorkflowCalls.PublishAsync(admin, """{"id": "throws", "root": {"id": "boom", "type": "ThrowingStep"}}""");
        await WorkflowCalls.PublishAsync(admin, SamplePluginTests.AlertDefinition);

        var faulted = await WorkflowCalls.RunAsync(operatorClient, "throws");
        var completed = await WorkflowCalls.RunAsync(operatorClient, "sample-alert", new { title = "after the fault" });

        Assert.Equal("Faulted", WorkflowCalls.Status(faulted));
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal("boom", (string?)incident["activityId"]);
        Assert.Contains("the throwing step threw", (string?)incident["message"]);
        Assert.Equal("Completed", WorkflowCalls.Status(completed));
        var loaded = (await admin.GetFromJsonAsync<JsonObject>("/api/plugins"))!["loaded"]!.AsArray().Select(p => (string?)p!["name"]);
        Assert.Equal(["faulty", "sample"], loaded);
    }

    public void Dispose() => plugins.Dispose();
}
