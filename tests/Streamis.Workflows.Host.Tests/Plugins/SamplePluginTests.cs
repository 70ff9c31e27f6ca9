using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Streamis.Workflows.Host.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>The sample plugin, loaded from the folder the host build put it in.</summary>
public sealed class SamplePluginTests : IDisposable
{
    internal const string AlertDefinition = """
    {"id": "sample-alert", "name": "Sample alert",
     "inputs": [{"name": "title", "type": "string", "required": true}],
     "outputs": [{"name": "deliveredBy", "type": "array", "value": "{{ activities.raise.deliveredBy }}"}],
     "root": {"id": "raise", "type": "RaiseSampleAlert",
              "inputs": {"title": {"expression": "{{ input.title }}"}, "message": "disk is 95% full", "level": "Major"}}}
    """;

    private readonly PluginFolder plugins = new();

    public SamplePluginTests() => plugins.Add(PluginFolder.Shipped("sample"));

    [Fact]
    public async Task Sample_activity_runs_in_a_workflow_started_over_HTTP_and_alerts_through_the_file_alerter()
    {
        using var host = new HostFactory(plugins.Root);
        await WorkflowCalls.PublishAsync(host.ClientFor("admin"), AlertDefinition);

        var instance = await WorkflowCalls.RunAsync(host.ClientFor("operator"), "sample-alert", new { title = "Disk full on node-3" });

        Assert.Equal("Completed", WorkflowCalls.Status(instance));
        Assert.Equal(["log", "sample-file"], instance["output"]!["deliveredBy"]!.AsArray().Select(n => (string?)n));
        var line = Assert.Single(File.ReadAllLines(Path.Combine(host.DataDirectory, "alerts", "sample-alerts.jsonl")));
        var alert = JsonNode.Parse(line)!;
        Assert.Equal("Disk full on node-3", (string?)alert["title"]);
        Assert.Equal("disk is 95% full", (string?)alert["message"]);
        Assert.Equal("Major", (string?)alert["level"]);
    }

    [Fact]
    public async Task Sample_alerter_is_resolvable_as_an_IAlerter_and_appends_to_its_file()
    {
        using var host = new HostFactory(plugins.Root);

        // The stream-job domain's own "log" alerter is always there besides the plugin's.
        var alerter = Assert.Single(host.Services.GetServices<IAlerter>(), a => a.Name != "log");
        Assert.Equal("sample-file", alerter.Name);
        await alerter.SendAsync(new Alert(AlertLevel.Critical, "Job stopped", "job 7 failed 3 times", ["ops"], DateTimeOffset.UtcNow, JobId: 7), CancellationToken.None);
        await alerter.SendAsync(new Alert(AlertLevel.Info, "Job running", "job 7 is back", [], DateTimeOffset.UtcNow, JobId: 7), CancellationToken.None);

        var lines = File.ReadAllLines(Path.Combine(host.DataDirectory, "alerts", "sample-alerts.jsonl"));
        Assert.Equal([("Job stopped", "Critical"), ("Job running", "Info")],
            lines.Select(l => JsonNode.Parse(l)!).Select(a => ((string?)a["title"], (string?)a["level"])));
    }

    [Fact]
    public async Task Plugin_configuration_section_reaches_the_plugin()
    {
        using var host = new HostFactory(plugins.Root, new Dictionary<string, string?> { ["Plugins:sample:AlertFile"] = "ops/alerts-of-the-day.jsonl" });
        await WorkflowCalls.PublishAsync(host.ClientFor("admin"), AlertDefinition);

        var instance = await WorkflowCalls.RunAsync(host.ClientFor("operator"), "sample-alert", new { title = "configured" });

        Assert.Equal("Completed", WorkflowCalls.Status(instance));
        Assert.Contains("configured", File.ReadAllText(Path.Combine(host.DataDirectory, "ops", "alerts-of-the-day.jsonl")));
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "alerts", "sample-alerts.jsonl")));
    }

    [Fact]
    public async Task Plugin_endpoint_answers_signed_in_callers_with_what_the_plugin_holds()
    {
        using var host = new HostFactory(plugins.Root);
        var alerter = host.Services.GetServices<IAlerter>().Single(a => a.Name == "sample-file");
        await alerter.SendAsync(new Alert(AlertLevel.Minor, "Checkpoint slow", "took 40 s", [], DateTimeOffset.UtcNow), CancellationToken.None);

        var alerts = await host.ClientFor("viewer").GetFromJsonAsync<JsonArray>("/api/plugins/sample/alerts");
        var anonymous = await host.ClientFor(null).GetAsync("/api/plugins/sample/alerts");

        var only = Assert.Single(alerts!);
        Assert.Equal("Checkpoint slow", (string?)only!["title"]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Descriptors_name_the_plugin_as_the_source_of_its_activities()
    {
        using var host = new HostFactory(plugins.Root);

        var descriptors = await host.ClientFor("viewer").GetFromJsonAsync<JsonArray>("/api/workflows/descriptors");

        var sources = descriptors!.ToDictionary(d => (string)d!["type"]!, d => (string?)d!["source"]);
        Assert.Equal("sample", sources["RaiseSampleAlert"]);
        Assert.Equal("builtin", sources["Log"]);
        var raise = descriptors!.Single(d => (string?)d!["type"] == "RaiseSampleAlert")!;
        Assert.Equal(["title", "message", "level"], raise["inputs"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.Equal("deliveredBy", (string?)raise["outputs"]![0]!["name"]);
    }

    [Fact]
    public async Task Plugins_endpoint_lists_the_sample_as_loaded()
    {
        using var host = new HostFactory(plugins.Root);

        var body = await host.ClientFor("admin").GetFromJsonAsync<JsonObject>("/api/plugins");

        var sample = Assert.Single(body!["loaded"]!.AsArray())!;
        Assert.Equal("sample", (string?)sample["name"]);
        Assert.Equal("1.0.0", (string?)sample["version"]);
        Assert.Empty(body["failed"]!.AsArray());
    }

    public void Dispose() => plugins.Dispose();
}
