using System.Diagnostics;
using System.Globalization;
using System.Text;
using Streamis.Workflows.Reliability.Tests.Support;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Reliability.Tests;

/// <summary>
/// Three host processes on one MariaDB database run 500 workflows started through all of them (a Delay-then-signal
/// workflow, and start-then-stop of a job on the Linkis simulation); one node is SIGKILLed half-way. Every instance
/// completes, no activity ran on two nodes at once, and the dead node's instances are taken over within its leases.
/// </summary>
public sealed class MultiNodeTests
{
    private const int Workflows = 500;
    private const int EveryNthStartsAJob = 5;

    [Fact]
    public async Task Three_nodes_run_500_workflows_to_the_end_when_one_is_killed_and_take_its_leases_over()
    {
        await using var database = ReliabilityDatabase.MySql();
        using var linkis = LinkisSimulation.Start();
        linkis.Latency = TimeSpan.FromMilliseconds(20);
        var data = Directory.CreateTempSubdirectory("swf-multi-node").FullName;
        // The first node creates the schema; the others join once it is there.
        var first = await HostNode.StartAsync("node-a", data, database, linkis);
        HostNode[] nodes = [first, .. await Task.WhenAll(HostNode.StartAsync("node-b", data, database, linkis), HostNode.StartAsync("node-c", data, database, linkis))];
        var victim = nodes[1];
        try
        {
            await first.Client.PublishAsync("multi-node-wait.json");
            await first.Client.PublishAsync("multi-node-start-stop.json");
            var project = await first.Client.ProjectAsync("multinode");
            var jobs = new long[Workflows / EveryNthStartsAJob];
            for (var i = 0; i < jobs.Length; i++) jobs[i] = await nodes[i % 3].Client.SqlJobAsync(project, $"job{i:000}");

            var instances = new string[Workflows];
            var clock = Stopwatch.StartNew();
            await StartAsync(nodes, instances, jobs, 0, Workflows / 2);
            victim.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            var held = (await database.QueryAsync($"SELECT id FROM wf_instances WHERE lease_owner = '{victim.NodeId}'")).Select(r => (string)r["id"]!).ToList();
            var survivors = nodes.Where(n => n != victim).ToArray();
            await StartAsync(survivors, instances, jobs, Workflows / 2, Workflows);
            TestLog.Write($"{Workflows} workflows started in {clock.Elapsed.TotalSeconds:0.0} s; {victim.NodeId} was killed half-way holding {held.Count} lease(s)");

            await SignalUntilAllEndedAsync(database, survivors, instances);
            TestLog.Write($"all {Workflows} ended {clock.Elapsed.TotalSeconds:0.0} s after the first start");

            var problems = new StringBuilder();
            var refused = 0;
            foreach (var row in await database.QueryAsync("SELECT id, sub_status, state FROM wf_instances WHERE definition_id LIKE 'multi-node-%' AND sub_status <> 'Completed'"))
            {
                // The defined failure of a start whose node died during createEngineConn: refused, never launched twice.
                if ((string)row["sub_status"]! == "Faulted" && ((string)row["state"]!).Contains(CrashTorture.RefusedRelaunch, StringComparison.Ordinal)) refused++;
                else problems.AppendLine(CultureInfo.InvariantCulture, $"instance {row["id"]} ended {row["sub_status"]}");
            }
            foreach (var row in await database.QueryAsync("SELECT id, status FROM sj_tasks WHERE status IN (8, 9)"))
                problems.AppendLine(CultureInfo.InvariantCulture, $"task {row["id"]} is left in status {row["status"]}");
            foreach (var (task, count) in EngineLedger.LaunchesPerTask(linkis).Where(p => p.Value > 1))
                problems.AppendLine(CultureInfo.InvariantCulture, $"task {task} was launched {count} times");
            var overlaps = new List<string>();
            await Parallel.ForEachAsync(instances, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            {
                var found = JournalOverlap.Problems(id, await survivors[0].Client.JournalAsync(id)).ToList();
                lock (overlaps) overlaps.AddRange(found);
            });
            foreach (var overlap in overlaps) problems.AppendLine(overlap);
            TestLog.Write($"{Workflows - refused} completed, {refused} start(s) refused as possibly running; {linkis.RequestsTo(LinkisCalls.CreateEngineConn).Count} EngineConns created");

            var takeover = await TakeoverAsync(database, victim.NodeId, held, killedAt);
            TestLog.Write($"first commit by another node of an instance {victim.NodeId} held: {(takeover is { } t ? $"{t.TotalSeconds:0.00} s" : "none (it held no lease)")} " +
                $"after the kill (lease {HostNode.LeaseDuration.TotalSeconds:0} s, poll {HostNode.MaxPollInterval.TotalMilliseconds:0} ms)");
            // Expiry plus one dispatcher poll, and room for a loaded machine to run the instance's next step and commit it.
            var limit = HostNode.LeaseDuration + HostNode.MaxPollInterval + TimeSpan.FromSeconds(5);
            if (takeover > limit) problems.AppendLine(CultureInfo.InvariantCulture, $"the dead node's instances were first committed {takeover.Value.TotalSeconds:0.0} s after the kill (limit {limit.TotalSeconds:0.0} s)");
            Assert.True(problems.Length == 0, problems.ToString());
        }
        catch
        {
            foreach (var node in nodes) TestLog.Write($"--- {node.NodeId}'s last output:\n{node.OutputTail}");
            throw;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
        CrashTortureTests.TryDelete(data);
    }

    /// <summary>Starts workflows [from, to) round-robin through the nodes: every fifth starts and stops a job, the rest wait for a signal.</summary>
    private static async Task StartAsync(HostNode[] nodes, string[] instances, long[] jobs, int from, int to) =>
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, _) =>
        {
            var client = nodes[i % nodes.Length].Client;
            instances[i] = i % EveryNthStartsAJob == 0
                ? await client.StartAsync("multi-node-start-stop", new { jobId = jobs[i / EveryNthStartsAJob] })
                : await client.StartAsync("multi-node-wait", new { n = i });
        });

    /// <summary>Sends each waiting instance its signal (again each round: one still in its Delay is not waiting yet) until none is left running.</summary>
    private static async Task SignalUntilAllEndedAsync(ReliabilityDatabase database, HostNode[] nodes, string[] instances)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var live = (await database.QueryAsync("SELECT id, sub_status, lease_owner FROM wf_instances WHERE definition_id LIKE 'multi-node-%' AND status = 'Running'"))
                .Select(r => ((string)r["id"]!, (string)r["sub_status"]!, r["lease_owner"] as string)).ToList();
            if (live.Count == 0) return;
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(4), $"{live.Count} instance(s) still live after 4 minutes: {string.Join(", ", live.Take(10))}");
            var waiting = live.Where(l => l.Item2 == "Suspended").Select(l => l.Item1).ToList();
            await Parallel.ForAsync(0, waiting.Count, new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, _) =>
                await nodes[i % nodes.Length].Client.SignalAsync("go", waiting[i]));
            await Task.Delay(500);
        }
    }

    /// <summary>From the kill to the first journal commit by another node of an instance the dead node held a lease on.</summary>
    private static async Task<TimeSpan?> TakeoverAsync(ReliabilityDatabase database, string deadNode, IReadOnlyList<string> held, DateTimeOffset killedAt)
    {
        if (held.Count == 0) return null;
        var ids = string.Join(", ", held.Select(id => $"'{id}'"));
        var rows = await database.QueryAsync($"SELECT MIN(created_at) AS first FROM wf_journal_batches WHERE instance_id IN ({ids}) AND node_id <> '{deadNode}' AND created_at > {killedAt.ToUnixTimeMilliseconds()}");
        return rows[0]["first"] is { } first ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(first, CultureInfo.InvariantCulture)) - killedAt : null;
    }

}
