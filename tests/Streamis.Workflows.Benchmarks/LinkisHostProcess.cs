using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// The built host (with its plugins) as its own process on a loopback port and SQLite, its linkis plugin pointed at a
/// Linkis simulation in this process; the monitor does not tick on its own. Jobs are made through the Streamis API.
/// </summary>
internal sealed class LinkisHostProcess : IAsyncDisposable
{
    private readonly WorkflowHostProcess host;

    private LinkisHostProcess(WorkflowHostProcess host, LinkisSimulation linkis)
    {
        this.host = host;
        Linkis = linkis;
    }

    public HttpClient Admin => host.Admin;

    public LinkisSimulation Linkis { get; }

    /// <summary>CPU time the host process has used so far: on a busy machine, what separates its own cost from waiting for a core.</summary>
    public TimeSpan CpuTime => host.CpuTime;

    /// <summary>The host process' working set (resident set) in MB, read fresh.</summary>
    public double WorkingSetMb => host.Resident().TotalMb;

    public static async Task<LinkisHostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var linkis = LinkisSimulation.Start();
        var environment = new Dictionary<string, string>
        {
            ["Plugins__linkis__GatewayUrl"] = linkis.Url,
            ["Plugins__linkis__TokenCode"] = linkis.Options.TokenCode,
            ["Plugins__yarn__ResourceManagerUrl"] = linkis.ResourceManagerUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        return new LinkisHostProcess(await WorkflowHostProcess.StartAsync(environment), linkis);
    }

    /// <summary>Makes that many flink.sql jobs in one fresh project; returns their ids.</summary>
    public async Task<long[]> SqlJobsAsync(int count)
    {
        var project = "bench" + Guid.NewGuid().ToString("N")[..8];
        var created = await Admin.PostAsJsonAsync("/api/projects", new { name = project, releaseUsers = new[] { "admin" } });
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/projects: HTTP {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var jobs = new long[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var answer = await DssStateBenchmarks.Ok(Admin.PostAsJsonAsync("/api/rest_j/v1/streamis/streamJobManager/job/createOrUpdate", new
            {
                projectName = project,
                jobName = $"job{i:00000}",
                jobType = "flink.sql",
                jobContent = new { type = "sql", sql = "insert into sink select * from source" },
            }));
            jobs[i] = (long)answer["data"]!["jobId"]!;
        });
        return jobs;
    }

    /// <summary>Runs a bulk operation through /api/bulk and reads its progress until every job is done; returns the final run.</summary>
    public async Task<JsonObject> BulkAsync(object body)
    {
        var started = await Admin.PostAsJsonAsync("/api/bulk", body);
        var instanceId = (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["instanceId"]!;
        while (true)
        {
            // Counts alone, as the command-line client polls: the run's own cost is what is measured, not the reading of 1,000 rows.
            var run = JsonNode.Parse(await Admin.GetStringAsync($"/api/bulk/{instanceId}?items=false"))!.AsObject();
            if ((int)run["done"]! == (int)run["total"]! && (string)run["status"]! == "Completed") return run;
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Linkis.Dispose();
    }
}
