using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.Support;

namespace Streamis.Workflows.Host.Tests;

public class WorkflowApiTests : IDisposable
{
    private readonly HostFactory host = new();

    [Fact]
    public async Task Import_publish_start_wait_and_read_the_journal()
    {
        var admin = host.ClientFor("admin");
        var saved = await admin.PostAsync("/api/workflows/definitions?publish=true", new StringContent("""
        {"id": "greet", "name": "Greet",
         "inputs": [{"name": "who", "type": "string", "required": true}],
         "outputs": [{"name": "greeting", "type": "string", "value": "Hello {{ input.who }}"}],
         "root": {"id": "say", "type": "Log", "inputs": {"message": {"expression": "Hello {{ input.who }}"}}}}
        """));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var operatorClient = host.ClientFor("operator");
        var started = await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId = "greet", input = new { who = "ops" }, wait = true });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Completed", (string?)body!["instance"]!["summary"]!["status"]);
        Assert.Equal("Hello ops", (string?)body["instance"]!["output"]!["greeting"]);

        var id = (string)body["instanceId"]!;
        var details = await host.ClientFor("viewer").GetFromJsonAsync<JsonObject>($"/api/workflows/instances/{id}");
        var journal = details!["journal"]!.AsArray();
        Assert.Equal([("say", "Log", "Hello ops"), ("say", "Completed", null)],
            journal.Select(l => ((string?)l!["activityId"], (string?)l["kind"], (string?)l["message"])));
    }

    public void Dispose() => host.Dispose();
}
