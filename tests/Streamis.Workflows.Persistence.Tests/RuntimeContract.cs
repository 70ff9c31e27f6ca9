using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Persistence.Entities;
using Streamis.Workflows.Persistence.Tests.Support;

namespace Streamis.Workflows.Persistence.Tests;

/// <summary>The durable runtime's promises, checked on each provider by a subclass.</summary>
public abstract class RuntimeContract
{
    protected abstract DatabaseProvider Provider { get; }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Delay_and_signal_survive_a_host_restart_and_finish()
    {
        await using var db = TestDatabase.Create(Provider);
        var database = await db.OpenAsync();
        string id;
        await using (var first = new TestHost(database))
        {
            await first.PublishAsync(Workflows.DelayThenSignal);
            await first.Runtime.StartAsync();
            id = await first.Runtime.StartWorkflowAsync("delay-then-signal");
            var parked = await first.Runtime.WaitAsync(id, Patience);
            Assert.Equal(WorkflowStatus.Suspended, parked!.Status);
        }

        // A new host over the same database: the timer is found in the queue and the signal in the bookmarks.
        await using var second = new TestHost(await db.OpenAsync());
        await second.Runtime.StartAsync();
        await WaitUntilAsync(async () => (await second.Instances.GetBookmarksAsync(id, default)).Any(b => b.Name == "Signal"));
        var signalled = await second.Runtime.SignalAsync("approve", new { user = "alice" });
        Assert.Equal(1, signalled.Resumed);
        var done = await second.Runtime.WaitAsync(id, Patience);
        Assert.Equal(WorkflowStatus.Completed, done!.Status);
        var state = InstanceStateSerializer.Deserialize((await second.Instances.GetStateAsync(id, default))!);
        Assert.Equal("alice", state.Output["approvedBy"]);
        Assert.Equal(1, Count.Executions[$"{id}/before"]);
        Assert.Equal(1, Count.Executions[$"{id}/after"]);
    }

    [Fact]
    public async Task Running_at_start_stores_a_finished_instance_in_one_go_and_a_suspending_one_carries_on()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.TenSteps);
        await host.PublishAsync(Workflows.DelayThenSignal);
        await host.Runtime.StartAsync();

        var done = await host.Runtime.RunWorkflowAsync("ten-steps");
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(WorkflowStatus.Completed, (await host.Instances.GetAsync(done.Id, default))!.Status);
        Assert.Equal(11, (await host.Instances.GetJournalAsync(done.Id, default)).Count);
        Assert.False(await host.Instances.HasDueWorkAsync(done.Id, DateTimeOffset.UtcNow.AddDays(1), default));

        var parked = await host.Runtime.RunWorkflowAsync("delay-then-signal");
        Assert.Equal(WorkflowStatus.Suspended, parked.Status);
        await WaitUntilAsync(async () => (await host.Instances.GetBookmarksAsync(parked.Id, default)).Any(b => b.Name == "Signal"));
        await host.Runtime.SignalAsync("approve", new { user = "carol" });
        await CompletedAsync(host, parked.Id);
    }

    [Fact]
    public async Task Two_runtimes_racing_for_200_instances_run_each_activity_once()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var a = new TestHost(await db.OpenAsync(), o => o.NodeId = "node-a");
        await using var b = new TestHost(await db.OpenAsync(), o => o.NodeId = "node-b");
        await a.PublishAsync(Workflows.Raced);
        var ids = new List<string>();
        for (var i = 0; i < 200; i++) ids.Add(await (i % 2 == 0 ? a : b).Runtime.StartWorkflowAsync("raced"));
        await Task.WhenAll(a.Runtime.StartAsync(), b.Runtime.StartAsync());

        foreach (var id in ids) await CompletedAsync(a, id);
        foreach (var id in ids)
        {
            var journal = await a.Instances.GetJournalAsync(id, default);
            var completed = journal.Where(j => j.Kind == JournalEventKind.Completed).Select(j => j.ActivityId).ToList();
            Assert.Equal(12, completed.Count);
            Assert.Equal(completed.Count, completed.Distinct().Count());
            Assert.All(Enumerable.Range(1, 10), n => Assert.Equal(1, Count.Executions[$"{id}/s{n}"]));
        }
        // Both nodes took part (each journal line names the node that ran it).
        var nodes = new HashSet<string?>();
        foreach (var id in ids) nodes.UnionWith((await a.Instances.GetJournalAsync(id, default)).Select(j => j.NodeId));
        Assert.Contains("node-a", nodes);
        Assert.Contains("node-b", nodes);
    }

    [Fact]
    public async Task An_instance_whose_worker_died_is_taken_over_after_its_lease_expires()
    {
        await using var db = TestDatabase.Create(Provider);
        var database = await db.OpenAsync();
        await using var host = new TestHost(database);
        await host.PublishAsync(Workflows.TenSteps);
        var id = await host.Runtime.StartWorkflowAsync("ten-steps");

        // A node took the lease and died: nobody renews it.
        var expiry = DateTimeOffset.UtcNow.AddSeconds(2);
        Assert.True(await host.Instances.TryLeaseAsync(id, "dead-node", DateTimeOffset.UtcNow, expiry, default));
        await host.Runtime.StartAsync();

        await Task.Delay(1000);
        Assert.Equal("Executing", (await host.Instances.GetAsync(id, default))!.SubStatus);
        var done = await host.Runtime.WaitAsync(id, Patience);
        Assert.Equal(WorkflowStatus.Completed, done!.Status);
        Assert.True(done.UpdatedAt >= expiry.AddMilliseconds(-50), "taken over only after the lease expired");
        Assert.Equal(1, Count.Executions[$"{id}/s10"]);
    }

    [Fact]
    public async Task A_run_that_lost_its_lease_does_not_commit()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.WaitForever);
        var id = await host.Runtime.StartWorkflowAsync("wait-forever");
        var now = DateTimeOffset.UtcNow;
        Assert.True(await host.Instances.TryLeaseAsync(id, "node-1", now, now.AddMinutes(1), default));
        var before = await host.Instances.GetStateAsync(id, default);

        var commit = new InstanceCommit(id, null, "node-2", "{}", WorkflowStatus.Completed, now, now, 0, [], [], [], false, true, "node-2");
        Assert.False(await host.Instances.CommitAsync(commit, default));
        Assert.Equal(before, await host.Instances.GetStateAsync(id, default));
        Assert.False(await host.Instances.TryLeaseAsync(id, "node-2", now, now.AddMinutes(1), default));
    }

    [Fact]
    public async Task Two_callers_racing_to_signal_one_bookmark_resume_it_once()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.DelayThenSignal);
        await host.Runtime.StartAsync();
        var id = await host.Runtime.StartWorkflowAsync("delay-then-signal");
        await WaitUntilAsync(async () => (await host.Instances.GetBookmarksAsync(id, default)).Any(b => b.Name == "Signal"));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => Task.Run(() => host.Runtime.SignalAsync("approve", new { user = $"user{i}" }))));
        Assert.Equal(1, results.Sum(r => r.Resumed));
        Assert.Equal(WorkflowStatus.Completed, (await host.Runtime.WaitAsync(id, Patience))!.Status);
        Assert.Equal(1, Count.Executions[$"{id}/after"]);
    }

    [Fact]
    public async Task A_corrupt_state_faults_that_instance_only_and_workers_go_on()
    {
        await using var db = TestDatabase.Create(Provider);
        var database = await db.OpenAsync();
        await using var host = new TestHost(database);
        await host.PublishAsync(Workflows.TenSteps);
        var broken = await host.Runtime.StartWorkflowAsync("ten-steps");
        var unknownVersion = await host.Runtime.StartWorkflowAsync("ten-steps");
        await using (var context = database.CreateContext())
        {
            await context.Instances.Where(i => i.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, "{not json"));
            var state = (await context.Instances.FirstAsync(i => i.Id == unknownVersion)).State.Replace("\"definitionVersion\":1", "\"definitionVersion\":99");
            await context.Instances.Where(i => i.Id == unknownVersion).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state));
        }
        var healthy = await host.Runtime.StartWorkflowAsync("ten-steps");
        await host.Runtime.StartAsync();

        Assert.Equal(WorkflowStatus.Completed, (await host.Runtime.WaitAsync(healthy, Patience))!.Status);
        var faulted = (await host.Runtime.WaitAsync(broken, Patience))!;
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal(1, faulted.IncidentCount);
        Assert.Contains("not valid JSON", (await host.Instances.GetJournalAsync(broken, default)).Single().ErrorMessage);
        Assert.Equal(WorkflowStatus.Faulted, (await host.Runtime.WaitAsync(unknownVersion, Patience))!.Status);
        Assert.Contains("version 99 is not available", (await host.Instances.GetJournalAsync(unknownVersion, default)).Single().ErrorMessage);
    }

    [Fact]
    public async Task A_faulted_instance_is_retried_from_the_failed_activity_and_a_waiting_one_is_cancelled()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.FailOnce);
        await host.PublishAsync(Workflows.WaitForever);
        await host.Runtime.StartAsync();

        var failing = await host.Runtime.StartWorkflowAsync("fail-once", new Dictionary<string, object?> { ["ok"] = false });
        var faulted = await host.Runtime.WaitAsync(failing, Patience);
        Assert.Equal(WorkflowStatus.Faulted, faulted!.Status);
        Assert.True(await host.Runtime.RetryAsync(failing));
        await WaitUntilAsync(async () => (await host.Instances.GetJournalAsync(failing, default)).Count(j => j.Kind == JournalEventKind.Faulted && j.ActivityId == "boom") == 2);
        Assert.Equal(1, Count.Executions[$"{failing}/counted"]);

        var waiting = await host.Runtime.StartWorkflowAsync("wait-forever");
        Assert.Equal(WorkflowStatus.Suspended, (await host.Runtime.WaitAsync(waiting, Patience))!.Status);
        Assert.True(await host.Runtime.CancelAsync(waiting));
        await WaitUntilAsync(async () => (await host.Instances.GetAsync(waiting, default))!.Status == WorkflowStatus.Cancelled);
        Assert.Empty(await host.Instances.GetBookmarksAsync(waiting, default));
        Assert.False(await host.Runtime.CancelAsync("no-such-instance"));
    }

    [Fact]
    public async Task A_faulted_instance_keeps_its_timers_quiet_and_its_signals_refused()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.FailBesideDelay);
        await host.Runtime.StartAsync();
        var id = await host.Runtime.StartWorkflowAsync("fail-beside-delay");
        Assert.Equal(WorkflowStatus.Faulted, (await host.Runtime.WaitAsync(id, Patience))!.Status);
        var journal = (await host.Instances.GetJournalAsync(id, default)).Count;

        await Task.Delay(800);
        Assert.False(await host.Instances.HasDueWorkAsync(id, DateTimeOffset.UtcNow.AddDays(1), default));
        Assert.Equal(journal, (await host.Instances.GetJournalAsync(id, default)).Count);
        Assert.Contains(await host.Instances.GetBookmarksAsync(id, default), b => b.Name == "Delay");
        Assert.False(Count.Executions.ContainsKey($"{id}/after"));
        var refused = await host.Instances.ResumeAsync(id, null, null, null, null, DateTimeOffset.UtcNow, default);
        Assert.Equal(0, refused.Resumed);
    }

    [Fact]
    public async Task A_definition_committing_each_activity_shows_progress_before_it_ends()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.Slow);
        await host.Runtime.StartAsync();
        var id = await host.Runtime.StartWorkflowAsync("slow");

        await WaitUntilAsync(async () => (await host.Instances.GetJournalAsync(id, default)).Any(j => j.ActivityId == "first"));
        Assert.Equal(WorkflowStatus.Running, (await host.Instances.GetAsync(id, default))!.Status);
        Assert.DoesNotContain(await host.Instances.GetJournalAsync(id, default), j => j.ActivityId == "last");
        await CompletedAsync(host, id);
        var journal = await host.Instances.GetJournalAsync(id, default);
        Assert.Equal(["first", "pause", "last", "seq"], journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task A_timer_beside_long_io_resumes_in_the_same_run_and_its_progress_is_committed_while_the_io_goes_on()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync(), o => o.CheckpointInterval = TimeSpan.FromMilliseconds(300));
        await host.PublishAsync(Workflows.DelayBesideLongIo);
        await host.Runtime.StartAsync();
        var id = await host.Runtime.StartWorkflowAsync("delay-beside-long-io");

        // The delayed branch goes on while the other still awaits its I/O, and a checkpoint stores that.
        await WaitUntilAsync(async () => (await host.Instances.GetJournalAsync(id, default)).Any(j => j.ActivityId == "afterDelay"));
        Assert.Equal(WorkflowStatus.Running, (await host.Instances.GetAsync(id, default))!.Status);
        Assert.DoesNotContain(await host.Instances.GetJournalAsync(id, default), j => j.ActivityId == "io");

        await CompletedAsync(host, id);
        var journal = await host.Instances.GetJournalAsync(id, default);
        Assert.Equal(1, journal.Count(j => j.ActivityId == "afterDelay"));
        Assert.Equal(1, Count.Executions[$"{id}/afterDelay"]);
        Assert.Empty(await host.Instances.GetBookmarksAsync(id, default));
    }

    [Fact]
    public async Task Definitions_go_from_draft_to_published_and_files_load_idempotently()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        var store = host.Definitions;
        var draft = await store.SaveDraftAsync(host.Runner.Parse(Workflows.TenSteps), default);
        Assert.Equal(1, draft.Version);
        Assert.Null(await store.FindAsync("ten-steps", null, default));
        var again = await store.SaveDraftAsync(host.Runner.Parse(Workflows.TenSteps.Replace("Ten steps", "Ten steps!")), default);
        Assert.Equal(1, again.Version);
        Assert.Equal(1, (await store.PublishAsync("ten-steps", null, default))!.Version);
        var next = await store.SaveDraftAsync(host.Runner.Parse(Workflows.TenSteps), default);
        Assert.Equal(2, next.Version);
        Assert.Equal(1, (await store.FindAsync("ten-steps", null, default))!.Version);
        await store.PublishAsync("ten-steps", 2, default);
        var versions = await store.ListVersionsAsync("ten-steps", default);
        Assert.Equal([(2, true), (1, false)], versions.Select(v => (v.Version, v.IsPublished)));
        Assert.True(await store.RetractAsync("ten-steps", default));
        Assert.Null(await store.FindAsync("ten-steps", null, default));
        Assert.Equal("Ten steps!", (await store.FindAsync("ten-steps", 1, default))!.Name);

        var folder = Directory.CreateTempSubdirectory("swf-defs").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "wait.json"), Workflows.WaitForever);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{\"id\": \"broken\"");
        var loader = new DefinitionFileLoader(host.Runner, store);
        var first = await loader.LoadAsync(folder, default);
        var second = await loader.LoadAsync(folder, default);
        Assert.True(first.Single(r => r.File == "wait.json").Published);
        Assert.False(second.Single(r => r.File == "wait.json").Published);
        Assert.NotEmpty(first.Single(r => r.File == "broken.json").Problems);
        await File.WriteAllTextAsync(Path.Combine(folder, "wait.json"), Workflows.WaitForever.Replace("Wait forever", "Wait, forever"));
        var third = await loader.LoadAsync(folder, default);
        Assert.Equal(2, third.Single(r => r.File == "wait.json").Version);
        Assert.Equal(2, (await store.ListVersionsAsync("wait-forever", default)).Count);
        Assert.Equal("Wait, forever", (await store.ListAsync(default)).Single(d => d.DefinitionId == "wait-forever").Name);
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_with()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.DelayThenSignal);
        await host.Runtime.StartAsync();
        var id = await host.Runtime.StartWorkflowAsync("delay-then-signal");
        await WaitUntilAsync(async () => (await host.Instances.GetBookmarksAsync(id, default)).Any(b => b.Name == "Signal"));
        // Version 2 drops the "after" step; the running instance must still run it.
        await host.PublishAsync(Workflows.DelayThenSignal.Replace(",\n    {\"id\": \"after\", \"type\": \"Count\"}", "").Replace("{\"id\": \"after\", \"type\": \"Count\"}", "{\"id\": \"later\", \"type\": \"Count\"}"));
        await host.Runtime.SignalAsync("approve", new { user = "bob" });
        var done = await host.Runtime.WaitAsync(id, Patience);
        Assert.Equal(WorkflowStatus.Completed, done!.Status);
        Assert.Equal(1, done.DefinitionVersion);
        Assert.Equal(1, Count.Executions[$"{id}/after"]);
    }

    [Fact]
    public async Task Listing_filters_and_pages_without_loading_state()
    {
        await using var db = TestDatabase.Create(Provider);
        await using var host = new TestHost(await db.OpenAsync());
        await host.PublishAsync(Workflows.WaitForever);
        await host.PublishAsync(Workflows.TenSteps);
        for (var i = 0; i < 7; i++) await host.Runtime.StartWorkflowAsync("wait-forever", correlationId: i == 3 ? "job-42" : null);
        for (var i = 0; i < 5; i++) await host.Runtime.StartWorkflowAsync("ten-steps");
        await host.Runtime.StartAsync();
        await WaitUntilAsync(async () => (await host.Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Completed), default)).Total == 5
                                         && (await host.Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Suspended), default)).Total == 7);

        var page = await host.Instances.ListAsync(new InstanceQuery(DefinitionId: "wait-forever", Page: 2, PageSize: 5), default);
        Assert.Equal(7, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal("job-42", (await host.Instances.ListAsync(new InstanceQuery(CorrelationId: "job-42"), default)).Items.Single().CorrelationId);
        var all = await host.Instances.ListAsync(new InstanceQuery(PageSize: 100), default);
        Assert.Equal(all.Items.OrderByDescending(i => i.CreatedAt).Select(i => i.Id), all.Items.Select(i => i.Id));
        Assert.Empty((await host.Instances.ListAsync(new InstanceQuery(CreatedFrom: DateTimeOffset.UtcNow.AddMinutes(1)), default)).Items);
    }

    [Fact]
    public async Task Finished_instances_are_pruned_by_age_with_their_journals()
    {
        await using var db = TestDatabase.Create(Provider);
        var database = await db.OpenAsync();
        await using var host = new TestHost(database);
        await host.PublishAsync(Workflows.TenSteps);
        await host.PublishAsync(Workflows.WaitForever);
        await host.Runtime.StartAsync();
        var done = await host.Runtime.StartWorkflowAsync("ten-steps");
        var waiting = await host.Runtime.StartWorkflowAsync("wait-forever");
        await host.Runtime.WaitAsync(done, Patience);
        await host.Runtime.WaitAsync(waiting, Patience);

        Assert.Equal(0, await host.Instances.PruneAsync(DateTimeOffset.UtcNow.AddHours(-1), false, default));
        Assert.Equal(1, await host.Instances.PruneAsync(DateTimeOffset.UtcNow.AddSeconds(1), false, default));
        Assert.Null(await host.Instances.GetAsync(done, default));
        Assert.Empty(await host.Instances.GetJournalAsync(done, default));
        Assert.NotNull(await host.Instances.GetAsync(waiting, default));
    }

    [Fact]
    public async Task A_database_created_by_the_first_migration_upgrades_to_the_latest_with_its_data()
    {
        await using var db = TestDatabase.Create(Provider);
        var database = await db.OpenAsync(migrate: false);
        await using (var context = database.CreateContext())
        {
            var migrations = context.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "there is an upgrade path to test");
            await context.Database.MigrateAsync(migrations[0]);
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO wf_instances (id, definition_id, definition_version, status, sub_status, created_at, updated_at, incident_count, state) " +
                "VALUES ('old-1', 'legacy', 1, 'Finished', 'Completed', 1, 1, 0, '{{}}')");
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO wf_journal (instance_id, sequence, activity_id, activity_type, frame_id, kind, timestamp, attempt) " +
                "VALUES ('old-1', 1, 'a', 'Log', 1, 'Completed', 1, 1)");
        }
        await db.OpenAsync(migrate: true);
        var store = new EfInstanceStoreProbe(database);
        Assert.Equal("legacy", (await store.Instances.GetAsync("old-1", default))!.DefinitionId);
        var line = Assert.Single(await store.Instances.GetJournalAsync("old-1", default));
        Assert.Null(line.NodeId);
        await using (var context = database.CreateContext())
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    /// <summary>Waits for the instance to complete; if it does not, fails with what its journal says went wrong.</summary>
    private static async Task<InstanceSummary> CompletedAsync(TestHost host, string id)
    {
        var summary = await host.Runtime.WaitAsync(id, Patience);
        if (summary?.Status == WorkflowStatus.Completed) return summary;
        var errors = (await host.Instances.GetJournalAsync(id, default)).Where(j => j.ErrorMessage is not null)
            .Select(j => $"{j.ActivityId}: {j.ErrorType}: {j.ErrorMessage}");
        Assert.Fail($"instance {id} is {summary?.Status.ToString() ?? "gone"}, not Completed. Errors: {string.Join(" | ", errors)}");
        return summary!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(50);
        }
    }

    private sealed class EfInstanceStoreProbe(WorkflowDatabase database)
    {
        public Stores.EfInstanceStore Instances { get; } = new(database);
    }
}
