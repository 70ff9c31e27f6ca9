using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.Support;

/// <summary>Calls of the workflow API as the tests make them, with the checks every answer must pass.</summary>
internal static class WorkflowApi
{
    /// <summary>How long a test waits for an instance to get somewhere before it fails; not a timing assertion.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a problem body (RFC 9457) with the given status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, (int)body["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]), text);
        Assert.DoesNotContain("   at ", text);
        return body;
    }

    /// <summary>The <c>errors</c> of a problem body as (path, message) pairs.</summary>
    public static List<(string Path, string Message)> Errors(this JsonObject problem) =>
        problem["errors"]?.AsArray().Select(e => ((string)e!["path"]!, (string)e["message"]!)).ToList() ?? [];

    public static async Task<JsonArray> GetFromJsonArrayAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    public static async Task<JsonObject> SaveDefinitionAsync(this HttpClient admin, string json, bool publish = true)
    {
        var response = await admin.PostJsonAsync($"/api/workflows/definitions{(publish ? "?publish=true" : "")}", json);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        if (publish) Assert.True((bool)body["isPublished"]!, body.ToJsonString());
        return body;
    }

    /// <summary>Starts an instance without waiting; returns its id.</summary>
    public static async Task<string> StartAsync(this HttpClient client, string definitionId, object? input = null, string? correlationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/workflows/instances", new { definitionId, input, correlationId });
        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        return (string)body["instanceId"]!;
    }

    /// <summary>Starts an instance and waits until it is at rest; returns its details.</summary>
    public static async Task<JsonObject> StartAndWaitAsync(this HttpClient client, string definitionId, object? input = null, string? correlationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/workflows/instances", new { definitionId, input, correlationId, wait = true });
        var body = await response.JsonAsync(HttpStatusCode.OK);
        return body["instance"]!.AsObject();
    }

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/workflows/instances/{instanceId}")).JsonAsync(HttpStatusCode.OK);

    public static string Status(this JsonObject details) => (string)details["summary"]!["status"]!;

    /// <summary>Reads the instance until its status is <paramref name="status"/>; fails with its last details otherwise.</summary>
    public static Task<JsonObject> WaitForStatusAsync(this HttpClient client, string instanceId, string status) =>
        client.WaitForAnyStatusAsync(instanceId, status);

    /// <summary>Reads the instance until its status is one of <paramref name="statuses"/>; fails with its last details otherwise.</summary>
    public static async Task<JsonObject> WaitForAnyStatusAsync(this HttpClient client, string instanceId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var details = await client.InstanceAsync(instanceId);
            if (statuses.Contains(details.Status())) return details;
            if (DateTime.UtcNow > deadline) Assert.Fail($"instance {instanceId} did not become {string.Join(" or ", statuses)}: {details.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
