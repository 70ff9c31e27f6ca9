using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Persistence;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// A host holding many suspended instances: the built host on SQLite starts that many instances of a workflow that waits
/// for a signal (through the HTTP API), and once all are suspended and the process has settled, its resident set is read
/// beside the idle host's (target: under 250 MB for 10,000). Then single instances among them are signalled one at a
/// time over HTTP and timed until they read Completed (target: p50 under 10 ms), beside one raw SQLite write transaction
/// on a file in the host's data folder and one HTTP read of an instance (the price of each completion poll).
/// Build the host first (<c>dotnet build -c Release host/Streamis.Workflows.Host</c>), then
/// <c>dotnet run -c Release --project tests/Streamis.Workflows.Benchmarks -- suspended [instances] [signals] [Key=Value host settings]</c>.
/// </summary>
public static class SuspendedInstances
{
    private const string DefinitionId = "bench-suspend";
    private const string Signal = "bench-go";

    public static async Task<SuspendedInstancesResult> MeasureAsync(int instances = 10_000, int signals = 1_000, TimeSpan? settle = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var rest = settle ?? TimeSpan.FromSeconds(15);
        await using var host = await WorkflowHostProcess.StartAsync(settings);
        await DssStateBenchmarks.Ok(host.Admin.PostAsync("/api/workflows/definitions?publish=true", new StringContent($$$"""
            {"id": "{{{DefinitionId}}}", "name": "Wait for a go",
             "root": {"id": "steps", "type": "Sequence", "activities": [
               {"id": "wait", "type": "WaitForSignal", "inputs": {"signal": "{{{Signal}}}"}},
               {"id": "done", "type": "Log", "inputs": {"message": "resumed"}}]}}
            """, Encoding.UTF8, "application/json")));

        // A first round through every path (start, suspend, signal, complete) so the idle figure is of a warmed host.
        var warm = await StartAsync(host, 50);
        await WaitUntilSuspendedAsync(host, warm.Length);
        foreach (var id in warm) await ResumeAsync(host, id);
        await Task.Delay(rest);
        var idle = host.Resident();
        Console.WriteLine($"idle host: {idle}");

        var clock = Stopwatch.StartNew();
        var ids = await StartAsync(host, instances);
        await WaitUntilSuspendedAsync(host, instances);
        var fill = clock.Elapsed;
        await Task.Delay(rest);
        var held = host.Resident();
        Console.WriteLine($"{instances} suspended instances (started and suspended in {fill.TotalSeconds:0.0} s): {held} (target: under 250 MB)");

        var answered = new List<double>();
        var resume = new List<double>();
        var stride = Math.Max(1, instances / signals);
        for (var i = 0; i < Math.Min(signals, instances); i++)
        {
            var (answer, completed) = await ResumeAsync(host, ids[i * stride]);
            answered.Add(answer);
            resume.Add(completed);
        }
        var reads = new List<double>();
        for (var i = 0; i < Math.Min(signals, instances); i++)
        {
            var read = Stopwatch.StartNew();
            await host.Admin.GetStringAsync($"/api/workflows/instances/{ids[^(i + 1)]}");
            reads.Add(read.Elapsed.TotalMilliseconds);
        }
        // The host's own synchronous setting, so the floor waits for the disk exactly as its commits do.
        var synchronous = settings?.GetValueOrDefault("Persistence__SqliteSynchronous") is { } named
            ? Enum.Parse<SqliteSynchronous>(named, ignoreCase: true)
            : new PersistenceOptions().SqliteSynchronous;
        var floor = WriteFloor(Path.Combine(host.DataFolder, "floor.db"), new SqlitePragmas(synchronous), Math.Max(signals, 200));
        var result = new SuspendedInstancesResult(instances, idle, held, fill, LatencySample.Of(resume), LatencySample.Of(answered), LatencySample.Of(reads), floor);
        Console.WriteLine($"signal to Completed: {result.SignalResume} (target: p50 under 10 ms); the signal's own answer: {result.SignalAnswer}");
        Console.WriteLine($"HTTP read of one instance: {result.InstanceRead}; raw SQLite write transaction: {result.WriteFloor}");
        return result;
    }

    private static async Task<string[]> StartAsync(WorkflowHostProcess host, int count)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var answer = await host.Admin.PostAsJsonAsync("/api/workflows/instances", new { definitionId = DefinitionId });
            var text = await answer.Content.ReadAsStringAsync();
            if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/workflows/instances: HTTP {(int)answer.StatusCode} {text}");
            ids[i] = (string)JsonNode.Parse(text)!["instanceId"]!;
        });
        return ids;
    }

    private static async Task WaitUntilSuspendedAsync(WorkflowHostProcess host, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = JsonNode.Parse(await host.Admin.GetStringAsync($"/api/workflows/instances?definitionId={DefinitionId}&status=Suspended&pageSize=1"))!;
            var suspended = (long)page["total"]!;
            if (suspended >= count) return;
            if (deadline.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException($"only {suspended} of {count} instances suspended after 15 minutes");
            await Task.Delay(250);
        }
    }

    /// <summary>Signals one instance and reads it until Completed; returns the milliseconds from sending the signal to its answer and to Completed.</summary>
    private static async Task<(double Answered, double Completed)> ResumeAsync(WorkflowHostProcess host, string instanceId)
    {
        var clock = Stopwatch.StartNew();
        var answer = await DssStateBenchmarks.Ok(host.Admin.PostAsJsonAsync("/api/workflows/signals", new { signal = Signal, instanceId }));
        var answered = clock.Elapsed.TotalMilliseconds;
        if ((int)answer["resumed"]! != 1) throw new InvalidOperationException($"the signal to {instanceId} resumed {answer["resumed"]} bookmarks");
        while (true)
        {
            var instance = JsonNode.Parse(await host.Admin.GetStringAsync($"/api/workflows/instances/{instanceId}"))!;
            var status = (string)instance["summary"]!["status"]!;
            if (status == "Completed") return (answered, clock.Elapsed.TotalMilliseconds);
            if (status is "Faulted" or "Cancelled") throw new InvalidOperationException($"{instanceId} ended {status} after its signal");
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"{instanceId} not completed a minute after its signal");
            await Task.Delay(1);
        }
    }

    private static LatencySample WriteFloor(string file, SqlitePragmas pragmas, int count)
    {
        using var floor = SqliteWriteFloor.Open(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString(), pragmas);
        for (var i = 0; i < 50; i++) floor.Commit();
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            floor.Commit();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return LatencySample.Of(times);
    }
}
