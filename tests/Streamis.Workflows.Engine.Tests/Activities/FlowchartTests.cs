using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class FlowchartTests
{
    [Fact]
    public async Task Flowchart_starts_with_the_activity_no_connection_leads_to_and_follows_connections()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "chain",
          "outputs": [{"name": "sum", "type": "integer", "value": "{{ activities.last.sum }}"}],
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "last", "type": "Add", "inputs": {"a": {"expression": "{{ activities.middle.sum }}"}, "b": 100}},
              {"id": "middle", "type": "Add", "inputs": {"a": {"expression": "{{ activities.first.sum }}"}, "b": 10}},
              {"id": "first", "type": "Add", "inputs": {"a": 1}}
            ],
            "connections": [
              {"from": "first", "to": "middle"},
              {"from": "middle", "outcome": "Done", "to": "last"}
            ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(112L, result.Outputs["sum"]);
        Assert.Equal(["first", "middle", "last", "flow"], result.Journal.Select(j => j.ActivityId));
    }

    [Theory]
    [InlineData(7, "big")]
    [InlineData(3, "small")]
    public async Task Flowchart_follows_only_the_connection_of_the_outcome_an_activity_completed_with(int n, string expected)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "decide",
          "inputs": [{"name": "n", "type": "integer"}],
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ input.n > 5 }}"}}},
              {"id": "big", "type": "Echo", "inputs": {"value": "big"}},
              {"id": "small", "type": "Echo", "inputs": {"value": "small"}}
            ],
            "connections": [
              {"from": "check", "outcome": "True", "to": "big"},
              {"from": "check", "outcome": "False", "to": "small"}
            ]}
        }
        """, new { n });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var other = expected == "big" ? "small" : "big";
        Assert.Equal(1, Counters.Of(result.State.InstanceId, expected));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, other));
        Assert.Equal(n > 5 ? "True" : "False", result.Journal.Single(j => j.ActivityId == "check").Outcome);
    }

    [Fact]
    public async Task Several_connections_from_one_outcome_fork_to_every_target()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "fork",
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "start", "type": "Echo", "inputs": {"value": 0}},
              {"id": "a", "type": "Slow", "inputs": {"milliseconds": 30}},
              {"id": "b", "type": "Echo", "inputs": {"value": 1}},
              {"id": "c", "type": "Echo", "inputs": {"value": 2}}
            ],
            "connections": [
              {"from": "start", "to": "a"},
              {"from": "start", "to": "b"},
              {"from": "start", "to": "c"}
            ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        foreach (var id in new[] { "start", "a", "b", "c" })
            Assert.Equal(1, Counters.Of(result.State.InstanceId, id));
        Assert.Equal("flow", result.Journal[^1].ActivityId);
    }

    [Fact]
    public async Task Join_any_runs_the_target_again_on_each_arrival()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Diamond(join: "any"));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "merge"));
        Assert.Equal(2, result.Journal.Count(j => j.ActivityId == "merge" && j.Kind == JournalEventKind.Completed));
    }

    [Fact]
    public async Task Join_all_waits_for_every_incoming_connection_and_runs_once()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Diamond(join: "all"));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "merge"));
        var order = result.Journal.Select(j => j.ActivityId).ToList();
        Assert.True(order.IndexOf("merge") > order.IndexOf("left") && order.IndexOf("merge") > order.IndexOf("right"),
            $"merge ran before both branches ended: {string.Join(", ", order)}");
        Assert.Equal(["merge", "flow"], order.TakeLast(2));
    }

    [Fact]
    public async Task Back_edge_loops_until_the_counter_reaches_its_limit()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "loop",
          "variables": [{"name": "counter", "type": "integer", "default": 0}],
          "outputs": [{"name": "counter", "type": "integer"}],
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "init", "type": "SetVariable", "inputs": {"name": "counter", "value": 0}},
              {"id": "inc", "type": "SetVariable", "inputs": {"name": "counter", "value": {"expression": "{{ vars.counter + 1 }}"}}},
              {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ vars.counter < 3 }}"}}},
              {"id": "done", "type": "Echo", "inputs": {"value": {"expression": "{{ vars.counter }}"}}}
            ],
            "connections": [
              {"from": "init", "to": "inc"},
              {"from": "inc", "to": "check"},
              {"from": "check", "outcome": "True", "to": "inc"},
              {"from": "check", "outcome": "False", "to": "done"}
            ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(3L, result.Outputs["counter"]);
        Assert.Equal(3, result.Journal.Count(j => j.ActivityId == "inc"));
        Assert.Equal(["True", "True", "False"], result.Journal.Where(j => j.ActivityId == "check").Select(j => j.Outcome));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "done"));
    }

    [Fact]
    public async Task Explicit_start_lets_a_chart_whose_every_activity_has_an_incoming_connection_run()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "cycle",
          "variables": [{"name": "n", "type": "integer", "default": 0}],
          "outputs": [{"name": "n", "type": "integer"}],
          "root": {"id": "flow", "type": "Flowchart", "inputs": {"start": "check"},
            "activities": [
              {"id": "inc", "type": "SetVariable", "inputs": {"name": "n", "value": {"expression": "{{ vars.n + 1 }}"}}},
              {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ vars.n < 2 }}"}}},
              {"id": "end", "type": "Echo", "inputs": {"value": "end"}}
            ],
            "connections": [
              {"from": "check", "outcome": "True", "to": "inc"},
              {"from": "inc", "to": "check"},
              {"from": "check", "outcome": "False", "to": "end"}
            ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2L, result.Outputs["n"]);
        Assert.Equal("check", result.Journal[0].ActivityId);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "end"));
    }

    [Fact]
    public async Task Flowchart_completes_only_when_nothing_of_it_is_left_running()
    {
        // One branch ends at an outcome with no connection while the other is still busy: the chart waits for it.
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "drain",
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "check", "type": "If", "inputs": {"condition": false}},
              {"id": "never", "type": "Echo", "inputs": {"value": 1}},
              {"id": "busy", "type": "Slow", "inputs": {"milliseconds": 100}},
              {"id": "after", "type": "Echo", "inputs": {"value": 2}}
            ],
            "connections": [
              {"from": "check", "outcome": "True", "to": "never"},
              {"from": "busy", "to": "after"}
            ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "never"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        Assert.Equal(["check", "busy", "after", "flow"], result.Journal.Select(j => j.ActivityId));
        Assert.Empty(result.State.Frames);
    }

    [Fact]
    public async Task Empty_flowchart_completes_at_once()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""{"id": "nothing", "root": {"id": "flow", "type": "Flowchart", "activities": []}}""");

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("flow", Assert.Single(result.Journal).ActivityId);
    }

    private static string Diamond(string join) => """
        {
          "id": "diamond-JOIN",
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "fork", "type": "Echo", "inputs": {"value": 0}},
              {"id": "left", "type": "Slow", "inputs": {"milliseconds": 40}},
              {"id": "right", "type": "Slow", "inputs": {"milliseconds": 10}},
              {"id": "merge", "type": "Echo", "join": "JOIN", "inputs": {"value": 1}}
            ],
            "connections": [
              {"from": "fork", "to": "left"},
              {"from": "fork", "to": "right"},
              {"from": "left", "to": "merge"},
              {"from": "right", "to": "merge"}
            ]}
        }
        """.Replace("JOIN", join);

    [Fact]
    public async Task Join_all_remembers_arrivals_across_suspensions()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "join-durable",
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "fork", "type": "Echo", "inputs": {"value": 0}},
              {"id": "short", "type": "Delay", "inputs": {"duration": "1m"}},
              {"id": "long", "type": "Delay", "inputs": {"duration": "2m"}},
              {"id": "merge", "type": "Echo", "join": "all", "inputs": {"value": 1}}
            ],
            "connections": [
              {"from": "fork", "to": "short"},
              {"from": "fork", "to": "long"},
              {"from": "short", "to": "merge"},
              {"from": "long", "to": "merge"}
            ]}
        }
        """, resumeTimers: false);

        foreach (var (timer, mergeRuns) in new[] { ("short", 0), ("long", 1) })
        {
            var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(result.State));
            result = await engine.Runner.ResumeAsync(state, state.Bookmarks.Single(b => b.ActivityId == timer).Id);
            Assert.Equal(mergeRuns, Counters.Of(state.InstanceId, "merge"));
        }
        Assert.Equal(WorkflowStatus.Completed, result.Status);
    }
}
