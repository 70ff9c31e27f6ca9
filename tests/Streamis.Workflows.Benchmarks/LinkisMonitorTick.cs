using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// One tick of the failure monitor over 10,000 running linkis-flink tasks with 5 ms per Linkis call (the monitor's
/// default parallelism, 30). The tasks are started by bulk starts first, without latency. Target: under 5 s. Build
/// the host first, then <c>dotnet run -c Release --project tests/Streamis.Workflows.Benchmarks -- linkis-monitor</c>.
/// </summary>
public static class LinkisMonitorTick
{
    public static async Task<MonitorTickResult> RunAsync(IReadOnlyDictionary<string, string> settings, int tasks = 10_000, int latencyMs = 5)
    {
        await using var host = await LinkisHostProcess.StartAsync(settings);
        var ids = await host.SqlJobsAsync(tasks);
        var started = await host.BulkAsync(new { operation = "start", jobIds = ids, parallelism = 50 });
        Console.WriteLine($"{(int)started["succeeded"]!} of {tasks} tasks running");
        await TickAsync(host);
        host.Linkis.ClearRequests();
        host.Linkis.SetLatency(LinkisCalls.Any, TimeSpan.FromMilliseconds(latencyMs));

        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await TickAsync(host);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var ideal = Math.Ceiling(tasks / 30d) * latencyMs;
        Console.WriteLine($"monitor tick over {tasks} running tasks, {latencyMs} ms per call: {string.Join(", ", times.Select(t => $"{t:0} ms"))}; " +
            $"{host.Linkis.RequestsTo(LinkisCalls.GetEngineConn).Count / 3} getEngineConn per tick; ideal {ideal:0} ms (target: under 5000 ms)");
        return new MonitorTickResult(tasks, (int)started["succeeded"]!, latencyMs, times, ideal);
    }

    private static async Task TickAsync(LinkisHostProcess host)
    {
        var response = await host.Admin.PostAsJsonAsync("/api/workflows/instances", new { definitionId = "monitor", input = new { } });
        var instanceId = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["instanceId"]!;
        while (true)
        {
            var instance = JsonNode.Parse(await host.Admin.GetStringAsync($"/api/workflows/instances/{instanceId}"))!;
            var status = (string)instance["summary"]!["status"]!;
            if (status == "Completed") return;
            if (status is "Faulted" or "Cancelled") throw new InvalidOperationException($"the monitor tick ended {status}: {instance.ToJsonString()}");
            await Task.Delay(10);
        }
    }
}
