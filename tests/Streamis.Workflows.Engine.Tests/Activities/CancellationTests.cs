using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class CancellationTests
{
    [Fact]
    public async Task Cancelling_the_run_while_an_activity_is_in_flight_leaves_it_queued_and_continue_finishes_it()
    {
        var engine = new TestEngine();
        var definition = engine.Parse("""
        {
          "id": "interrupted",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "before", "type": "Echo", "inputs": {"value": 1}},
            {"id": "slow", "type": "Slow", "inputs": {"milliseconds": 1000}},
            {"id": "after", "type": "Echo", "inputs": {"value": 2}}
          ]}
        }
        """);
        var id = Guid.NewGuid().ToString("N");
        using var stop = new CancellationTokenSource();

        var running = engine.Runner.RunAsync(definition, null, new RunOptions { InstanceId = id }, stop.Token);
        await WhenAsync(() => Counters.Of(id, "slow") == 1);
        await stop.CancelAsync();
        var interrupted = await running;

        Assert.Equal(WorkflowStatus.Running, interrupted.Status);
        var work = Assert.Single(interrupted.State.Queue);
        Assert.Equal(WorkKind.Execute, work.Kind);
        Assert.Equal("slow", interrupted.State.Frames[work.FrameId].ActivityId);
        Assert.Equal(["before"], interrupted.Journal.Select(j => j.ActivityId));
        Assert.Empty(interrupted.Incidents);
        Assert.Equal(0, Counters.Of(id, "after"));

        var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(interrupted.State));
        var finished = await engine.Runner.ContinueAsync(state);

        Assert.Equal(WorkflowStatus.Completed, finished.Status);
        Assert.Equal((1, 2, 1), (Counters.Of(id, "before"), Counters.Of(id, "slow"), Counters.Of(id, "after")));
        Assert.Equal(["slow", "after", "seq"], finished.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Cancelling_the_run_during_a_parallel_for_each_loses_no_item()
    {
        var engine = new TestEngine();
        var definition = engine.Parse("""
        {
          "id": "interrupted-loop",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.all.results }}"}],
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": [1, 2, 3, 4], "maxDegreeOfParallelism": 2},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "work", "type": "Slow", "inputs": {"milliseconds": 300}},
              {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ item * 10 }}"}}}
            ]}}
        }
        """);
        var id = Guid.NewGuid().ToString("N");
        using var stop = new CancellationTokenSource();

        var running = engine.Runner.RunAsync(definition, null, new RunOptions { InstanceId = id }, stop.Token);
        await WhenAsync(() => Counters.Of(id, "work") == 2);
        await stop.CancelAsync();
        var interrupted = await running;

        Assert.Equal(WorkflowStatus.Running, interrupted.Status);
        Assert.Equal(2, interrupted.State.Queue.Count);
        Assert.All(interrupted.State.Queue, w => Assert.Equal("work", interrupted.State.Frames[w.FrameId].ActivityId));

        var finished = await engine.Runner.ContinueAsync(InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(interrupted.State)));

        Assert.Equal(WorkflowStatus.Completed, finished.Status);
        var results = Assert.IsType<List<object?>>(finished.Outputs["results"]).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal([10L, 20L, 30L, 40L], results.Select(r => r["result"]));
        Assert.All(results, r => Assert.Equal("Succeeded", r["status"]));
        // The two interrupted items ran again; the other two once.
        Assert.Equal(6, Counters.Of(id, "work"));
    }

    [Fact]
    public async Task Cancelling_a_suspended_instance_ends_it_with_its_activities_journalled_as_cancelled()
    {
        var engine = new TestEngine();
        var waiting = await engine.RunAsync("""
        {
          "id": "cancel-me",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "go"}},
            {"id": "after", "type": "Echo", "inputs": {"value": 1}}
          ]}
        }
        """);
        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);

        var cancelled = await engine.Runner.CancelAsync(waiting.State);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Bookmarks);
        Assert.Empty(cancelled.State.Frames);
        Assert.Empty(cancelled.State.Queue);
        Assert.Equal(engine.Clock.GetUtcNow(), cancelled.State.FinishedAt);
        Assert.Equal(["approve", "seq"], cancelled.Journal.Where(j => j.Kind == JournalEventKind.Cancelled).Select(j => j.ActivityId).Order());
        Assert.Equal(0, Counters.Of(cancelled.State.InstanceId, "after"));
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Runner.SignalAsync(cancelled.State, "go"));
    }

    [Fact]
    public async Task Cancelling_an_instance_waiting_on_a_timer_drops_the_timer()
    {
        var engine = new TestEngine();
        var waiting = await engine.RunAsync("""
        {"id": "cancel-timer", "root": {"id": "wait", "type": "Delay", "inputs": {"duration": "2h"}}}
        """, resumeTimers: false);

        var cancelled = await engine.Runner.CancelAsync(waiting.State);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Bookmarks);
        var entry = Assert.Single(cancelled.Journal);
        Assert.Equal(("wait", JournalEventKind.Cancelled), (entry.ActivityId, entry.Kind));
    }

    [Fact]
    public async Task Cancelling_a_finished_instance_changes_nothing()
    {
        var engine = new TestEngine();
        var completed = await engine.RunAsync("""{"id": "done", "root": {"id": "echo", "type": "Echo", "inputs": {"value": 1}}}""");

        var again = await engine.Runner.CancelAsync(completed.State);

        Assert.Equal(WorkflowStatus.Completed, again.Status);
        Assert.Empty(again.Journal);
    }

    private static async Task WhenAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition never came true");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Cancelling_a_parent_waiting_on_its_child_workflow_ends_both()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""{"id": "child", "root": {"id": "pause", "type": "Delay", "inputs": {"duration": "1h"}}}"""));
        var waiting = await engine.RunAsync("""{"id": "parent", "root": {"id": "run", "type": "RunWorkflow", "inputs": {"definitionId": "child"}}}""", resumeTimers: false);
        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);

        var cancelled = await engine.Runner.CancelAsync(waiting.State);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Bookmarks);
        Assert.DoesNotContain(cancelled.State.Scopes.Keys, k => k != 0);
        Assert.Equal(["pause", "run"], cancelled.Journal.Where(j => j.Kind == JournalEventKind.Cancelled).Select(j => j.ActivityId));
    }
}
