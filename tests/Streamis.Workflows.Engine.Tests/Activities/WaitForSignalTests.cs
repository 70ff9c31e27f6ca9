using Streamis.Workflows.Engine.Activities;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class WaitForSignalTests
{
    private const string Approval = """
        {
          "id": "approval",
          "outputs": [{"name": "approver", "value": "{{ activities.approve.payload.by }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "approve-restart"}},
            {"id": "restart", "type": "Echo", "inputs": {"value": {"expression": "{{ activities.approve.payload.by }}"}}}
          ]}
        }
        """;

    [Fact]
    public async Task Wait_for_signal_suspends_until_the_signal_arrives_and_its_payload_becomes_the_output()
    {
        var engine = new TestEngine();
        var waiting = await engine.RunAsync(Approval);

        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);
        var bookmark = Assert.Single(waiting.Bookmarks);
        Assert.Equal((WaitForSignal.BookmarkName, "approve-restart", false), (bookmark.Name, bookmark.Key, bookmark.IsTimer));
        Assert.Equal(0, Counters.Of(waiting.State.InstanceId, "restart"));

        var done = await engine.Runner.SignalAsync(waiting.State, "approve-restart", new { by = "ops-lead" });

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("ops-lead", done.Outputs["approver"]);
        Assert.Equal(1, Counters.Of(done.State.InstanceId, "restart"));
        Assert.Empty(done.Bookmarks);
    }

    [Fact]
    public async Task Signal_nobody_waits_for_is_refused()
    {
        var engine = new TestEngine();
        var waiting = await engine.RunAsync(Approval);

        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Runner.SignalAsync(waiting.State, "something-else"));
        Assert.Equal(WorkflowStatus.Suspended, waiting.State.Status);
    }

    [Fact]
    public async Task Wait_for_signal_with_a_timeout_completes_with_TimedOut_when_no_signal_comes()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();
        var result = await engine.RunAsync("""
        {
          "id": "approval-timeout",
          "root": {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "approve-restart", "timeout": "10m"}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("TimedOut", Assert.Single(result.Journal).Outcome);
        Assert.Equal(start + TimeSpan.FromMinutes(10), engine.Clock.GetUtcNow());
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task Signal_before_the_timeout_completes_with_Done_and_drops_the_timer()
    {
        var engine = new TestEngine();
        var waiting = await engine.RunAsync("""
        {
          "id": "approval-in-time",
          "root": {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "approve-restart", "timeout": "10m"}}
        }
        """, resumeTimers: false);

        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);
        Assert.Equal(2, waiting.Bookmarks.Count);
        Assert.Equal(engine.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), Assert.Single(waiting.Bookmarks, b => b.IsTimer).ResumeAt);

        var done = await engine.Runner.SignalAsync(waiting.State, "approve-restart", "yes");

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("Done", Assert.Single(done.Journal).Outcome);
        Assert.Empty(done.Bookmarks);
    }

    [Fact]
    public async Task Signals_reach_the_right_iteration_of_a_parallel_for_each_in_any_order()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "approve-each",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.all.results }}"}],
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": ["etl", "sync", "report"], "maxDegreeOfParallelism": 2},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": {"expression": "approve-{{ item }}"}}},
              {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ activities.approve.payload }}"}}}
            ]}}
        }
        """);
        Assert.Equal(["approve-etl", "approve-sync"], result.Bookmarks.Select(b => b.Key).Order());

        foreach (var item in new[] { "sync", "etl", "report" })
        {
            Assert.Equal(WorkflowStatus.Suspended, result.Status);
            var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(result.State));
            result = await engine.Runner.SignalAsync(state, $"approve-{item}", $"ok {item}");
        }

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var results = Assert.IsType<List<object?>>(result.Outputs["results"]).Cast<Dictionary<string, object?>>();
        Assert.Equal(["ok etl", "ok sync", "ok report"], results.Select(r => r["result"]));
    }

    [Fact]
    public async Task Empty_signal_name_faults_with_a_clear_message()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {"id": "no-signal", "root": {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": {"expression": "{{ input.missing }}"}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("the signal name is empty", Assert.Single(result.Incidents).Message);
        Assert.Empty(result.Bookmarks);
    }
}
