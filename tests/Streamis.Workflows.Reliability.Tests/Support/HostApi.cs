using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>The calls the tests make to a host: projects and jobs (Streamis API), definitions, instances, bulk runs, signals.</summary>
internal static class HostApi
{
    public static async Task<string> ProjectAsync(this HttpClient client, string name)
    {
        await OkAsync(client.PostAsJsonAsync("/api/projects", new { name, releaseUsers = new[] { "admin" } }));
        return name;
    }

    /// <summary>A flink.sql job in the project; its id.</summary>
    public static async Task<long> SqlJobAsync(this HttpClient client, string project, string jobName)
    {
        var answer = await OkAsync(client.PostAsJsonAsync("/api/rest_j/v1/streamis/streamJobManager/job/createOrUpdate", new
        {
            projectName = project,
            jobName,
            jobType = "flink.sql",
            jobContent = new { type = "sql", sql = "insert into sink select * from source" },
        }));
        return (long)answer["data"]!["jobId"]!;
    }

    /// <summary>Saves and publishes a definition from this project's Workflows folder.</summary>
    public static async Task PublishAsync(this HttpClient client, string fileName)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Workflows", fileName));
        await OkAsync(client.PostAsync("/api/workflows/definitions?publish=true", new StringContent(json, Encoding.UTF8, "application/json")));
    }

    public static async Task<string> StartAsync(this HttpClient client, string definitionId, object input) =>
        (string)(await OkAsync(client.PostAsJsonAsync("/api/workflows/instances", new { definitionId, input })))["instanceId"]!;

    /// <summary>Starts a bulk operation through /api/bulk; the id of its instance.</summary>
    public static async Task<string> BulkAsync(this HttpClient client, string operation, IEnumerable<long> jobIds, bool snapshot) =>
        (string)(await OkAsync(client.PostAsJsonAsync("/api/bulk", new { operation, jobIds, snapshot })))["instanceId"]!;

    public static async Task SignalAsync(this HttpClient client, string signal, string instanceId) =>
        await OkAsync(client.PostAsJsonAsync("/api/workflows/signals", new { signal, instanceId }));

    /// <summary>The instance with its incidents and journal.</summary>
    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        await OkAsync(client.GetAsync($"/api/workflows/instances/{instanceId}"));

    public static async Task<JsonArray> JournalAsync(this HttpClient client, string instanceId)
    {
        using var response = await client.GetAsync($"/api/workflows/instances/{instanceId}/journal");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"journal of {instanceId}: HTTP {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    public static string Status(this JsonObject instance) => (string)instance["summary"]!["status"]!;

    /// <summary>A 2xx answer's JSON body (a Streamis envelope must also say status 0); anything else throws with the body.</summary>
    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text) as JsonObject;
        if (!response.IsSuccessStatusCode || body?["status"] is JsonValue status && status.TryGetValue<int>(out var code) && code != 0)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: HTTP {(int)response.StatusCode} {text}");
        return body ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: not a JSON object: {text}");
    }
}
