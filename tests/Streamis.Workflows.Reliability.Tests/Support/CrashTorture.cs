using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Reliability.Tests.Support;

/// <summary>
/// A chain of host processes on one database: each trial starts the built-in operations on fresh jobs, SIGKILLs the
/// node after a seeded delay (mid-launch, mid-savepoint, mid-recovery of the previous trial's work), and starts the
/// next node, which takes the dead node's instances over once their leases expire. The last node runs everything to
/// the end; then the invariants are checked against the database and what the Linkis simulation saw.
/// </summary>
internal sealed class CrashTorture(TortureSettings settings, ReliabilityDatabase database, string dataDirectory, Action<string> log)
{
    /// <summary>Linkis answers every call this late, so a kill lands between a call and its answer often.</summary>
    private static readonly TimeSpan LinkisLatency = TimeSpan.FromMilliseconds(80);
    private const int MaxKillDelayMs = 3000;
    private const int BulkSize = 20;

    /// <summary>The defined failure of a start whose host died while Linkis created its EngineConn (it may run; it is not launched twice).</summary>
    public const string RefusedRelaunch = "may already run on Linkis";

    // How long after a kill the simulation may still carry out a request the dead host had sent (see CheckAsync).
    private static readonly TimeSpan InFlightAfterKill = TimeSpan.FromMilliseconds(500);

    private readonly List<Operation> operations = [];
    private readonly List<DateTimeOffset> kills = [];

    public async Task RunAsync()
    {
        log($"Crash torture on {database.Name}: seed {settings.Seed}, {settings.Trials} trials (replay: {TortureSettings.SeedVariable}={settings.Seed} {TortureSettings.TrialsVariable}={settings.Trials})");
        using var linkis = LinkisSimulation.Start();
        linkis.Latency = LinkisLatency;
        var clock = Stopwatch.StartNew();
        var node = await HostNode.StartAsync("torture-0", dataDirectory, database, linkis);
        try
        {
            await node.Client.PublishAsync("torture-lifecycle.json");
            var project = await node.Client.ProjectAsync("torture");
            for (var trial = 1; trial <= settings.Trials; trial++)
            {
                var random = settings.ForTrial(trial);
                var started = await StartWorkloadAsync(node.Client, project, trial, random);
                var delay = random.Next(0, MaxKillDelayMs);
                await Task.Delay(delay);
                node.Kill();
                kills.Add(DateTimeOffset.UtcNow);
                await node.DisposeAsync();
                var restart = Stopwatch.StartNew();
                node = await HostNode.StartAsync($"torture-{trial}", dataDirectory, database, linkis);
                log($"trial {trial}: {started}; killed after {delay} ms; next node up in {restart.Elapsed.TotalSeconds:0.0} s");
            }
            log($"{settings.Trials} kills in {clock.Elapsed.TotalSeconds:0} s; the last node finishes the work");
            await WaitUntilAllEndedAsync(node.Client);
            log($"all {operations.Count} operations ended {clock.Elapsed.TotalSeconds:0} s after the first start");
            await CheckAsync(node.Client, linkis);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nLast node's output:\n{node.OutputTail}", e);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>One lifecycle (start → snapshot-and-stop → recover) on a new job; a start of another, or every third trial a bulk restart of 20 jobs.</summary>
    private async Task<string> StartWorkloadAsync(HttpClient client, string project, int trial, Random random)
    {
        var lifecycleJob = await client.SqlJobAsync(project, $"t{trial:000}-life");
        operations.Add(new Operation(trial, "torture-lifecycle", await client.StartAsync("torture-lifecycle", new { jobId = lifecycleJob }), [lifecycleJob]));
        if (trial % 3 == 0)
        {
            var jobs = new long[BulkSize];
            for (var i = 0; i < jobs.Length; i++) jobs[i] = await client.SqlJobAsync(project, $"t{trial:000}-bulk{i:00}");
            operations.Add(new Operation(trial, "bulk-restart", await client.BulkAsync("restart", jobs, snapshot: random.Next(2) == 0), jobs));
            return $"lifecycle of job {lifecycleJob}, bulk restart of jobs {jobs[0]}..{jobs[^1]}";
        }
        var startJob = await client.SqlJobAsync(project, $"t{trial:000}-start");
        operations.Add(new Operation(trial, "start", await client.StartAsync("start", new { jobId = startJob, user = "admin", checkPermission = false }), [startJob]));
        return $"lifecycle of job {lifecycleJob}, start of job {startJob}";
    }

    private async Task WaitUntilAllEndedAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        var pending = operations.ToList();
        while (pending.Count > 0)
        {
            var still = new List<Operation>();
            foreach (var operation in pending)
                if ((await client.InstanceAsync(operation.InstanceId)).Status() is "Running" or "Suspended") still.Add(operation);
            pending = still;
            if (pending.Count == 0) return;
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(4),
                $"Seed {settings.Seed}: stuck after 4 minutes: {string.Join(", ", pending.Select(o => $"trial {o.Trial} {o.Definition} {o.InstanceId}"))}");
            await Task.Delay(500);
        }
    }

    private async Task CheckAsync(HttpClient client, LinkisSimulation linkis)
    {
        var problems = new StringBuilder();

        var refused = 0;
        foreach (var operation in operations)
        {
            var instance = await client.InstanceAsync(operation.InstanceId);
            var incidents = instance["incidents"]?.ToJsonString() ?? "";
            if (instance.Status() == "Faulted" && incidents.Contains(RefusedRelaunch, StringComparison.Ordinal)) refused++;
            else if (instance.Status() != "Completed")
                problems.AppendLine(CultureInfo.InvariantCulture, $"trial {operation.Trial}: {operation.Definition} {operation.InstanceId} ended {instance.Status()}: {incidents}");
            if (operation.Definition != "bulk-restart") continue;
            var items = (await BulkRunAsync(client, operation.InstanceId))["items"]!.AsArray().Where(i => (string?)i!["status"] != "Succeeded").ToList();
            refused += items.Count(i => ((string?)i!["message"] ?? "").Contains(RefusedRelaunch, StringComparison.Ordinal));
            foreach (var item in items.Where(i => !((string?)i!["message"] ?? "").Contains(RefusedRelaunch, StringComparison.Ordinal)))
                problems.AppendLine(CultureInfo.InvariantCulture, $"trial {operation.Trial}: bulk restart {operation.InstanceId}: job {item!["jobId"]} {item["status"]}: {item["message"]}");
        }

        var stranded = await database.QueryAsync("SELECT id, definition_id, sub_status FROM wf_instances WHERE status = 'Running'");
        foreach (var row in stranded) problems.AppendLine(CultureInfo.InvariantCulture, $"instance {row["id"]} ({row["definition_id"]}) is still {row["sub_status"]}");

        var inTransit = await database.QueryAsync("SELECT id, job_id, status FROM sj_tasks WHERE status IN (8, 9)");
        foreach (var row in inTransit)
            problems.AppendLine(CultureInfo.InvariantCulture, $"task {row["id"]} of job {row["job_id"]} is left {(Convert.ToInt32(row["status"], CultureInfo.InvariantCulture) == 8 ? "Starting" : "Stopping")}");

        foreach (var (task, count) in EngineLedger.LaunchesPerTask(linkis).Where(p => p.Value > 1))
            problems.AppendLine(CultureInfo.InvariantCulture, $"task {task} was launched {count} times (createEngineConn)");

        var recorded = (await database.QueryAsync("SELECT location FROM sj_job_states WHERE kind = 'savepoint'")).Select(r => (string)r["location"]!).ToHashSet(StringComparer.Ordinal);
        var unrecorded = EngineLedger.Savepoints(linkis).Where(s => !recorded.Contains(s.Location)).ToList();
        // A savepoint written in the last moments before a kill may never have reached the host: only those may be missing.
        // "Before" includes the moments just after the kill: a request the host sent as it died is still read and carried
        // out by the simulation (savepoints written 2-14 ms after the kill failed this check in three runs of four). The
        // next node cannot be the writer then: it is started after the kill and takes over a second before it calls Linkis.
        foreach (var (location, writtenAt) in unrecorded.Where(s => !kills.Any(k => s.WrittenAt - k < InFlightAfterKill && k - s.WrittenAt < TimeSpan.FromSeconds(1.5))))
            problems.AppendLine(CultureInfo.InvariantCulture, $"savepoint {location} written at {writtenAt:HH:mm:ss.fff} is recorded on no task " +
                $"(the nearest kill {NearestKill(writtenAt)})");

        log($"{linkis.RequestsTo(LinkisCalls.CreateEngineConn).Count} EngineConns created, {EngineLedger.Savepoints(linkis).Count} savepoints written " +
            $"({unrecorded.Count} unrecorded, written just before a kill), {refused} start(s) refused as possibly running, {problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} problem(s)");
        Assert.True(problems.Length == 0, $"Seed {settings.Seed} ({TortureSettings.SeedVariable}={settings.Seed} replays it):\n{problems}");
    }

    private string NearestKill(DateTimeOffset at)
    {
        if (kills.Count == 0) return "none";
        var offset = kills.Select(k => at - k).MinBy(d => d.Duration());
        return $"{offset.Duration().TotalMilliseconds:0} ms {(offset < TimeSpan.Zero ? "after" : "before")} it";
    }

    private static async Task<JsonObject> BulkRunAsync(HttpClient client, string instanceId) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/bulk/{instanceId}"))!.AsObject();

    private sealed record Operation(int Trial, string Definition, string InstanceId, IReadOnlyList<long> Jobs);
}
