using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Tests.Serialization;

/// <summary>
/// A workflow stopped at every suspension, serialised, and continued by a fresh engine ends exactly as the same
/// workflow run in one go: same status, same outputs, same journal.
/// </summary>
public class InterruptedContinuationTests
{
    private const string InstanceId = "restart-7";

    /// <summary>Delay, WaitForSignal, ParallelForEach (with timers in its body) and RunWorkflow, one after another.</summary>
    private const string Parent = """
    {
      "id": "ops-restart", "version": 1, "name": "Restart after approval",
      "inputs": [{"name": "jobs", "type": "array", "required": true}, {"name": "base", "type": "integer", "default": 100}],
      "variables": [{"name": "approval", "type": "any"}, {"name": "childOut", "type": "object"}],
      "outputs": [
        {"name": "instance", "type": "string", "value": "{{ workflow.instanceId }}"},
        {"name": "approval", "type": "any", "value": "{{ vars.approval }}"},
        {"name": "jobResults", "type": "array", "value": "{{ activities.fanout.results | array.map 'result' }}"},
        {"name": "results", "type": "array", "value": "{{ activities.fanout.results }}"},
        {"name": "child", "type": "object", "value": "{{ vars.childOut }}"},
        {"name": "total", "type": "integer", "value": "{{ activities.total.sum }}"},
        {"name": "summary", "type": "string", "value": "approved by {{ vars.approval.by }}; child {{ vars.childOut.value }}"}
      ],
      "root": {
        "id": "main", "type": "Flowchart",
        "activities": [
          {"id": "cooldown", "type": "Delay", "inputs": {"duration": "5m"}},
          {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "approve"}, "outputs": {"payload": "approval"}},
          {"id": "fanout", "type": "ParallelForEach",
           "inputs": {"items": {"expression": "{{ input.jobs }}"}, "maxDegreeOfParallelism": 2},
           "body": {"id": "perJob", "type": "Sequence", "activities": [
             {"id": "settle", "type": "Delay", "inputs": {"duration": {"expression": "{{ item.wait }}"}}},
             {"id": "double", "type": "Add", "inputs": {"a": {"expression": "{{ item.id }}"}, "b": {"expression": "{{ item.id }}"}}},
             {"id": "keep", "type": "SetVariable", "inputs": {"name": "result",
              "value": {"expression": "{{ {job: item.id, doubled: activities.double.sum, ratio: item.id / 2.0, at: index} }}"}}}
           ]}},
          {"id": "child", "type": "RunWorkflow",
           "inputs": {"definitionId": "ops-child", "input": {"expression": "{{ {start: input.base, label: vars.approval.by} }}"}},
           "outputs": {"output": "childOut"}},
          {"id": "total", "type": "Add", "inputs": {"a": {"expression": "{{ vars.childOut.value }}"}, "b": {"expression": "{{ activities.fanout.results | array.size }}"}}},
          {"id": "done", "type": "Log", "inputs": {"message": "finished with {{ activities.total.sum }}"}}
        ],
        "connections": [
          {"from": "cooldown", "to": "approve"},
          {"from": "approve", "to": "fanout"},
          {"from": "fanout", "to": "child"},
          {"from": "child", "to": "total"},
          {"from": "total", "to": "done"}
        ]
      }
    }
    """;

    private const string Child = """
    {
      "id": "ops-child", "version": 1, "name": "Child step",
      "inputs": [{"name": "start", "type": "integer", "required": true}, {"name": "label", "type": "string"}],
      "outputs": [
        {"name": "value", "type": "integer", "value": "{{ activities.bump.sum }}"},
        {"name": "label", "type": "string", "value": "{{ input.label }}!"}
      ],
      "root": {"id": "childSteps", "type": "Sequence", "activities": [
        {"id": "childWait", "type": "Delay", "inputs": {"duration": "1h"}},
        {"id": "bump", "type": "Add", "inputs": {"a": {"expression": "{{ input.start }}"}, "b": 5}}
      ]}
    }
    """;

    private static readonly Dictionary<string, object?> Input = new()
    {
        ["jobs"] = new List<object?>
        {
            new Dictionary<string, object?> { ["id"] = 1L, ["wait"] = "30s" },
            new Dictionary<string, object?> { ["id"] = 2L, ["wait"] = "10s" },
            new Dictionary<string, object?> { ["id"] = 3L, ["wait"] = "20s" },
        },
    };

    private static readonly Dictionary<string, object?> Approval = new()
    {
        ["by"] = "alice",
        ["ticket"] = 1234L,
        ["score"] = 1.0,
        ["notes"] = new List<object?> { "ok", null, new Dictionary<string, object?> { ["level"] = 2.5 } },
    };

    [Fact]
    public async Task Continuing_from_serialised_state_at_every_suspension_ends_like_an_uninterrupted_run()
    {
        var straight = await RunUninterruptedAsync();
        var interrupted = await RunInterruptedAsync();

        Assert.Equal(WorkflowStatus.Completed, straight.State.Status);
        Assert.Equal(WorkflowStatus.Completed, interrupted.State.Status);
        Assert.Equal(Json(straight.State.Output), Json(interrupted.State.Output));
        Assert.True(PlainValue.DeepEquals(straight.State.Output, interrupted.State.Output));

        Assert.Equal(
            straight.Journal.Select(j => j.ActivityId).Distinct().Order(),
            interrupted.Journal.Select(j => j.ActivityId).Distinct().Order());
        Assert.Equal(
            straight.Journal.Select(j => $"{j.ActivityId}/{j.Kind}/{j.Outcome}").Order(),
            interrupted.Journal.Select(j => $"{j.ActivityId}/{j.Kind}/{j.Outcome}").Order());

        // The interruptions really happened at each kind of suspension.
        Assert.True(interrupted.Suspensions >= 6, $"only {interrupted.Suspensions} suspensions");
        Assert.True(interrupted.SawSignalWait);
        Assert.True(interrupted.SawParallelTimers);
        Assert.True(interrupted.SawChildScope);
    }

    [Fact]
    public async Task Uninterrupted_run_produces_the_expected_outputs()
    {
        var straight = await RunUninterruptedAsync();

        var outputs = straight.State.Output;
        Assert.Equal(InstanceId, outputs["instance"]);
        Assert.Equal(Json(Approval), Json((Dictionary<string, object?>)outputs["approval"]!));
        Assert.Equal(105L, ((Dictionary<string, object?>)outputs["child"]!)["value"]);
        Assert.Equal("alice!", ((Dictionary<string, object?>)outputs["child"]!)["label"]);
        Assert.Equal(108L, outputs["total"]);
        Assert.Equal("approved by alice; child 105", outputs["summary"]);
        var jobs = Assert.IsType<List<object?>>(outputs["jobResults"]);
        Assert.Equal([2L, 4L, 6L], jobs.Select(j => ((Dictionary<string, object?>)j!)["doubled"]));
        var ratio = ((Dictionary<string, object?>)jobs[1]!)["ratio"];
        Assert.IsType<double>(ratio);
        Assert.Equal(1.0, ratio);
    }

    [Fact]
    public async Task Interrupted_run_journal_sequence_has_no_gaps_or_repeats()
    {
        var interrupted = await RunInterruptedAsync();

        Assert.Equal(Enumerable.Range(1, interrupted.Journal.Count).Select(i => (long)i), interrupted.Journal.Select(j => j.Sequence));
        Assert.All(interrupted.Journal, j => Assert.Equal(InstanceId, j.InstanceId));
    }

    private static TestEngine NewEngine()
    {
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse(Parent)).Add(engine.Parse(Child));
        return engine;
    }

    private static async Task<Run> RunUninterruptedAsync()
    {
        var engine = NewEngine();
        var definition = (await engine.Definitions.FindAsync("ops-restart", 1, CancellationToken.None))!;
        var options = new RunOptions { ResumeTimers = true, InstanceId = InstanceId };
        var journal = new List<JournalEntry>();

        var result = await engine.Runner.RunAsync(definition, Input, options);
        journal.AddRange(result.Journal);
        while (result.Status == WorkflowStatus.Suspended)
        {
            // Timers are resumed within the call, so a suspension here is the signal wait.
            var waiting = Assert.Single(result.Bookmarks);
            Assert.Equal("approve", waiting.Key);
            result = await engine.Runner.SignalAsync(result.State, "approve", Approval, options);
            journal.AddRange(result.Journal);
        }
        return new Run(result.State, journal);
    }

    private static async Task<Run> RunInterruptedAsync()
    {
        var first = NewEngine();
        var definition = (await first.Definitions.FindAsync("ops-restart", 1, CancellationToken.None))!;
        var options = new RunOptions { ResumeTimers = false, InstanceId = InstanceId };
        var journal = new List<JournalEntry>();
        var run = new Run(null!, journal);

        var result = await first.Runner.RunAsync(definition, Input, options);
        journal.AddRange(result.Journal);
        var state = result.State;
        while (state.Status == WorkflowStatus.Suspended)
        {
            run.Suspensions++;
            var json = InstanceStateSerializer.Serialize(state);
            var restored = InstanceStateSerializer.Deserialize(json);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(InstanceStateSerializer.Serialize(restored))),
                "serialising the restored state gives different JSON");
            run.SawChildScope |= restored.Scopes.Count > 1;
            run.SawParallelTimers |= restored.Bookmarks.Count(b => b.IsTimer) > 1;

            // A new process: new registry, new runner, definitions read again; nothing shared but the JSON.
            var fresh = NewEngine();
            var timer = restored.Bookmarks.Where(b => b.IsTimer).OrderBy(b => b.ResumeAt).FirstOrDefault();
            if (timer is not null)
            {
                var wait = timer.ResumeAt!.Value - fresh.Clock.GetUtcNow();
                if (wait > TimeSpan.Zero) fresh.Clock.Advance(wait);
                result = await fresh.Runner.ResumeAsync(restored, timer.Id, null, options);
            }
            else
            {
                var signal = Assert.Single(restored.Bookmarks);
                Assert.Equal("approve", signal.Key);
                run.SawSignalWait = true;
                result = await fresh.Runner.SignalAsync(restored, "approve", Approval, options);
            }
            journal.AddRange(result.Journal);
            state = result.State;
        }
        return run with { State = state };
    }

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, PlainValueJsonConverter.Options);

    private sealed record Run(InstanceState State, List<JournalEntry> Journal)
    {
        public int Suspensions { get; set; }

        public bool SawSignalWait { get; set; }

        public bool SawParallelTimers { get; set; }

        public bool SawChildScope { get; set; }
    }
}
