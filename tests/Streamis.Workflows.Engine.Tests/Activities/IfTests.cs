using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class IfTests
{
    private const string ThenElse = """
        {
          "id": "if-slots",
          "inputs": [{"name": "running", "type": "boolean"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "decide", "type": "If", "inputs": {"condition": {"expression": "{{ input.running }}"}},
              "then": {"id": "stop", "type": "Echo", "inputs": {"value": "stop"}},
              "else": {"id": "start", "type": "Echo", "inputs": {"value": "start"}}},
            {"id": "after", "type": "Echo", "inputs": {"value": "after"}}
          ]}
        }
        """;

    [Fact]
    public async Task If_runs_then_when_the_condition_holds_and_completes_with_True()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(ThenElse, new { running = true });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "stop"));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "start"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        Assert.Equal("True", result.Journal.Single(j => j.ActivityId == "decide").Outcome);
        Assert.Equal(["stop", "decide", "after", "seq"], result.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task If_runs_else_when_the_condition_fails_and_completes_with_False()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(ThenElse, new { running = false });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "stop"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "start"));
        Assert.Equal("False", result.Journal.Single(j => j.ActivityId == "decide").Outcome);
    }

    [Fact]
    public async Task If_without_the_matching_slot_just_completes_with_its_outcome()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "if-then-only",
          "root": {"id": "decide", "type": "If", "inputs": {"condition": false},
            "then": {"id": "stop", "type": "Echo", "inputs": {"value": "stop"}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "stop"));
        Assert.Equal("False", Assert.Single(result.Journal).Outcome);
    }

    [Theory]
    [InlineData("RUNNING", "True", "stop")]
    [InlineData("FAILED", "False", "start")]
    public async Task If_decides_a_flowchart_path_through_its_True_and_False_outcomes(string status, string outcome, string expected)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "if-flow",
          "inputs": [{"name": "status", "type": "string"}],
          "outputs": [{"name": "action", "value": "{{ vars.action }}"}],
          "variables": [{"name": "action", "type": "string"}],
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "isRunning", "type": "If", "inputs": {"condition": {"expression": "{{ input.status == 'RUNNING' }}"}}},
              {"id": "stop", "type": "SetVariable", "inputs": {"name": "action", "value": "stop"}},
              {"id": "start", "type": "SetVariable", "inputs": {"name": "action", "value": "start"}}
            ],
            "connections": [
              {"from": "isRunning", "outcome": "True", "to": "stop"},
              {"from": "isRunning", "outcome": "False", "to": "start"}
            ]}
        }
        """, new { status });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(expected, result.Outputs["action"]);
        Assert.Equal(outcome, result.Journal.Single(j => j.ActivityId == "isRunning").Outcome);
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == (expected == "stop" ? "start" : "stop"));
    }
}
