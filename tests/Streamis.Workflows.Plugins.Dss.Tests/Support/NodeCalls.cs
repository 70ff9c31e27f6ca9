using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Tests.StreamisRest;

namespace Streamis.Workflows.Plugins.Dss.Tests.Support;

/// <summary>The development contract's calls as a DSS AppConn makes them, with the checks every answer must pass.</summary>
internal static class NodeCalls
{
    public const string Refs = "/api/rest_j/v1/streamis/dss/node/ref";
    public const string Executions = "/api/rest_j/v1/streamis/dss/node/execution";

    /// <summary>How long a test waits for a run to get somewhere; not a timing assertion.</summary>
    // Generous: a loaded CI machine on MariaDB; a healthy run ends in well under a second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task<JsonObject> CreateRefAsync(this HttpClient dss, long projectId, string definitionId, object? inputs = null, string nodeName = "run it")
    {
        var body = await Envelope.OkAsync(await dss.PostAsJsonAsync($"{Refs}/create",
            new { nodeName, definitionId, inputs, refProjectId = projectId, labels = new { route = "dev" }, orcVersion = "v000001" }));
        return body["data"]!["refJobContent"]!.AsObject();
    }

    public static async Task<string> SubmitAsync(this HttpClient dss, JsonObject refJobContent, object? variables = null)
    {
        var body = await Envelope.OkAsync(await dss.PostAsJsonAsync($"{Executions}/submit", new { refJobContent, variables }));
        Assert.Equal("Accepted", (string?)body["data"]!["state"]);
        return (string)body["data"]!["executionId"]!;
    }

    public static async Task<string> StateAsync(this HttpClient dss, string executionId) =>
        (string)(await Envelope.OkAsync(await dss.GetAsync($"{Executions}/state?executionId={executionId}")))["data"]!["state"]!;

    /// <summary>Polls state as DSS does until it is one of <paramref name="states"/>; every answer on the way must be a success.</summary>
    public static async Task<string> PollUntilAsync(this HttpClient dss, string executionId, params string[] states)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var state = await dss.StateAsync(executionId);
            if (states.Contains(state)) return state;
            if (DateTime.UtcNow > deadline) Assert.Fail($"execution {executionId} stayed {state}, never {string.Join(" or ", states)}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Sends a signal once the run waits for it: "Running" is reported from the start, before the run has reached its
    /// WaitForSignal, and a signal nobody waits for resumes nothing.
    /// </summary>
    public static async Task SignalWhenWaitingAsync(this HttpClient admin, string signal, string instanceId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await admin.PostAsJsonAsync("/api/workflows/signals", new { signal, instanceId });
            response.EnsureSuccessStatusCode();
            if ((int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["resumed"]! > 0) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"instance {instanceId} never waited for signal {signal}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonObject> DataAsync(this HttpClient dss, string url) => (await Envelope.OkAsync(await dss.GetAsync(url)))["data"]!.AsObject();
}
