using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>What a test arranges through the host's API before the browser takes over.</summary>
public static class WorkflowApi
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task SaveAsync(this HttpClient admin, string json, bool publish = true)
    {
        var response = await admin.PostAsync($"api/workflows/definitions{(publish ? "?publish=true" : "")}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"saving failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> StartAsync(this HttpClient client, string definitionId, object? input = null)
    {
        var response = await client.PostAsJsonAsync("api/workflows/instances", new { definitionId, input });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["instanceId"]!;
    }

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonObject>($"api/workflows/instances/{instanceId}"))!;

    public static async Task<JsonObject> DefinitionAsync(this HttpClient client, string definitionId, string version = "latest") =>
        (await client.GetFromJsonAsync<JsonObject>($"api/workflows/definitions/{definitionId}?version={version}"))!;
}
