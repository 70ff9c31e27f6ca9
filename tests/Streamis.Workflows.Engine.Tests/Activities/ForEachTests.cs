using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class ForEachTests
{
    [Fact]
    public async Task For_each_runs_the_body_once_per_item_in_order_with_item_and_index()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "foreach",
          "inputs": [{"name": "jobs", "type": "array"}],
          "variables": [{"name": "seen", "type": "string", "default": ""}],
          "outputs": [{"name": "seen", "type": "string"}],
          "root": {"id": "each", "type": "ForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}},
            "body": {"id": "note", "type": "SetVariable", "inputs": {"name": "seen", "value": {"expression": "{{ vars.seen }}{{ index }}={{ item }};"}}}}
        }
        """, new { jobs = new[] { "etl", "sync", "report" } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("0=etl;1=sync;2=report;", result.Outputs["seen"]);
        Assert.Equal(3, result.Journal.Count(j => j.ActivityId == "note"));
        Assert.Equal("each", result.Journal[^1].ActivityId);
    }

    [Fact]
    public async Task For_each_runs_one_item_at_a_time()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "foreach-serial",
          "root": {"id": "each", "type": "ForEach", "inputs": {"items": [1, 2, 3, 4]},
            "body": {"id": "work", "type": "Measured", "inputs": {"milliseconds": 20}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(4, Counters.Of(result.State.InstanceId, "work"));
        Assert.Equal(1, ConcurrencyGauge.Max(result.State.InstanceId));
    }

    [Fact]
    public async Task For_each_over_no_items_never_runs_the_body()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "foreach-empty",
          "root": {"id": "each", "type": "ForEach", "inputs": {"items": []},
            "body": {"id": "work", "type": "Echo", "inputs": {"value": {"expression": "{{ item }}"}}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "work"));
    }
}
