using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.Plugins;

/// <summary>The HTTP calls the plugin tests make to publish a definition and run it to rest.</summary>
internal static class WorkflowCalls
{
    public static async Task PublishAsync(HttpClient admin, string definition)
    {
        var response = await admin.PostAsync("/api/workflows/definitions?publish=true", new StringContent(definition));
        Assert.True(response.IsSuccessStatusCode, $"publishing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Starts an instance and waits until it is at rest; returns its details (summary, output, incidents).</summary>
    public static async Task<JsonObject> RunAsync(HttpClient operatorClient, string definitionId, object? input = null)
    {
        var response = await operatorClient.PostAsJsonAsync("/api/workflows/instances", new { definitionId, input, wait = true });
        Assert.True(response.IsSuccessStatusCode, $"starting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["instance"]!.AsObject();
    }

    public static string? Status(JsonObject instance) => (string?)instance["summary"]!["status"];
}
