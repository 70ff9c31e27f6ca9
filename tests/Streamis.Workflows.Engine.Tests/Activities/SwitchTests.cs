using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class SwitchTests
{
    private const string ByValue = """
        {
          "id": "switch-value",
          "inputs": [{"name": "operation", "type": "string"}],
          "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "route", "type": "Switch", "inputs": {
                "value": {"expression": "{{ input.operation }}"},
                "cases": [{"name": "Stop", "value": "stop"}, {"name": "Start", "value": "start"}]}},
              {"id": "stopping", "type": "Echo", "inputs": {"value": 1}},
              {"id": "starting", "type": "Echo", "inputs": {"value": 2}},
              {"id": "unknown", "type": "Echo", "inputs": {"value": 3}}
            ],
            "connections": [
              {"from": "route", "outcome": "Stop", "to": "stopping"},
              {"from": "route", "outcome": "Start", "to": "starting"},
              {"from": "route", "outcome": "Default", "to": "unknown"}
            ]}
        }
        """;

    [Theory]
    [InlineData("stop", "Stop", "stopping")]
    [InlineData("start", "Start", "starting")]
    [InlineData("restart", "Default", "unknown")]
    public async Task Switch_by_value_completes_with_the_matching_case_or_Default(string operation, string outcome, string ran)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(ByValue, new { operation });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(outcome, result.Journal.Single(j => j.ActivityId == "route").Outcome);
        foreach (var id in new[] { "stopping", "starting", "unknown" })
            Assert.Equal(id == ran ? 1 : 0, Counters.Of(result.State.InstanceId, id));
    }

    [Fact]
    public async Task Switch_compares_numbers_by_value()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "switch-number",
          "root": {"id": "route", "type": "Switch", "inputs": {
            "value": {"expression": "{{ 1 + 1 }}"},
            "cases": [{"name": "One", "value": 1}, {"name": "Two", "value": 2}]}}
        }
        """);

        Assert.Equal("Two", Assert.Single(result.Journal).Outcome);
    }

    [Theory]
    [InlineData(95, "Critical")]
    [InlineData(75, "Warning")]
    [InlineData(10, "Default")]
    public async Task Switch_by_condition_picks_the_first_case_whose_condition_holds(int usage, string outcome)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "switch-condition",
          "inputs": [{"name": "usage", "type": "integer"}],
          "root": {"id": "route", "type": "Switch", "inputs": {
            "cases": [
              {"name": "Critical", "condition": "input.usage >= 90"},
              {"name": "Warning", "condition": "{{ input.usage >= 70 }}"},
              {"name": "AlsoHigh", "condition": "input.usage >= 70"}
            ]}}
        }
        """, new { usage });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(outcome, Assert.Single(result.Journal).Outcome);
    }
}
