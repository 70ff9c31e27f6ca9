using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// DSS polls a node's state about once a second and never gives up, so the DSS plugin's state endpoint must stay
/// cheap however many runs are going. The built host (with its plugins) runs as its own process on a loopback port,
/// 1,000 DSS executions wait in it for a signal, and each iteration is one state request over HTTP: the column P50 is
/// the median request. Target: p50 under 5 ms. Build the host first: <c>dotnet build -c Release host/Streamis.Workflows.Host</c>.
/// </summary>
[Config(typeof(PerRequest))]
public class DssStateBenchmarks
{
    private const int InFlight = 1_000;
    private const string Admin = "bench-admin-code";
    private Process? host;
    private string data = "";
    private HttpClient submitter = null!;
    private HttpClient reader = null!;
    private string[] executions = [];
    private int next;

    /// <summary>One request per iteration, so the statistics are over requests; slow ones count too (no outlier removal).</summary>
    private sealed class PerRequest : ManualConfig
    {
        public PerRequest()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(50).WithIterationCount(1000).WithInvocationCount(1).WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        data = Directory.CreateTempSubdirectory("swf-dss-bench").FullName;
        var baseUrl = $"http://127.0.0.1:{ColdStart.FreePort()}";
        host = BuiltHostProcess.Start(baseUrl, new Dictionary<string, string>
        {
            ["STREAMIS_DATA_DIR"] = data,
            ["STREAMIS_BOOTSTRAP_TOKEN"] = Admin,
            ["Auth__Tokens__0__User"] = "alice", ["Auth__Tokens__0__Code"] = "alice-code", ["Auth__Tokens__0__Roles__0"] = "viewer",
            ["Auth__Tokens__1__User"] = "bob", ["Auth__Tokens__1__Code"] = "bob-code", ["Auth__Tokens__1__Roles__0"] = "viewer",
        });
        var admin = Client(baseUrl, "admin", Admin);
        submitter = Client(baseUrl, "alice", "alice-code");
        reader = Client(baseUrl, "bob", "bob-code");
        await WaitForHealthAsync(admin);

        await Ok(admin.PostAsync("/api/workflows/definitions?publish=true", new StringContent("""
            {"id": "bench-dss-wait", "name": "Wait for release",
             "root": {"id": "gate", "type": "WaitForSignal", "inputs": {"signal": "bench-release"}}}
            """, Encoding.UTF8, "application/json")));
        var project = await Ok(submitter.PostAsJsonAsync("/api/rest_j/v1/streamis/project/createProject",
            new { projectName = "bench", releaseUsers = new[] { "alice" }, editUsers = new[] { "alice" }, accessUsers = new[] { "bob" } }));
        var node = await Ok(submitter.PostAsJsonAsync("/api/rest_j/v1/streamis/dss/node/ref/create",
            new { nodeName = "wait", definitionId = "bench-dss-wait", refProjectId = (long)project["data"]!["projectId"]! }));
        var refJobContent = node["data"]!["refJobContent"]!;
        executions = new string[InFlight];
        await Parallel.ForAsync(0, InFlight, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var submitted = await Ok(submitter.PostAsJsonAsync("/api/rest_j/v1/streamis/dss/node/execution/submit", new { refJobContent }));
            executions[i] = (string)submitted["data"]!["executionId"]!;
        });
        // In flight: every run started and waiting, none finished.
        foreach (var execution in executions)
            while (await StateAsync(submitter, execution) != "Running") await Task.Delay(20);
    }

    [Benchmark(Description = "state of one of 1,000 runs, polled by its submitter")]
    public Task<string> PolledBySubmitter() => StateAsync(submitter, executions[next++ % InFlight]);

    [Benchmark(Description = "state of one of 1,000 runs, polled by a project reader")]
    public Task<string> PolledByReader() => StateAsync(reader, executions[next++ % InFlight]);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (host is not null)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            host.Dispose();
        }
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static async Task<string> StateAsync(HttpClient client, string execution)
    {
        var body = await Ok(client.GetAsync($"/api/rest_j/v1/streamis/dss/node/execution/state?executionId={execution}"));
        return (string)body["data"]!["state"]!;
    }

    internal static HttpClient Client(string baseUrl, string user, string code) => new()
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestHeaders = { { "Token-User", user }, { "Token-Code", code } },
    };

    internal static async Task WaitForHealthAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>The answer's envelope, which must say status 0.</summary>
    internal static async Task<JsonObject> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text) as JsonObject;
        if (!response.IsSuccessStatusCode || body?["status"] is JsonValue status && status.GetValue<int>() != 0)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: HTTP {(int)response.StatusCode} {text}");
        return body ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: not JSON: {text}");
    }
}
