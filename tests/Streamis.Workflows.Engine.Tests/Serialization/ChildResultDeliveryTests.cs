using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Serialization;

/// <summary>
/// Children that end together each reach their parent, whether they end in one run or are continued from saved
/// state one by one (the difference the interrupted-run comparison first showed).
/// </summary>
public class ChildResultDeliveryTests
{
    [Fact]
    public async Task Parallel_for_each_records_every_item_when_all_bodies_end_at_once()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "p", "inputs": [{"name": "jobs", "type": "array"}],
         "outputs": [{"name": "results", "type": "array", "value": "{{ activities.fanout.results | array.map 'result' }}"}],
         "root": {"id": "fanout", "type": "ParallelForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}, "maxDegreeOfParallelism": 8},
           "body": {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ item * 10 }}"}}}}}
        """, new { jobs = new[] { 1, 2, 3, 4 } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(new List<object?> { 10L, 20L, 30L, 40L }, result.Outputs["results"]);
    }

    [Fact]
    public async Task Parallel_for_each_records_every_item_when_timers_fall_due_together()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "p", "inputs": [{"name": "jobs", "type": "array"}],
         "outputs": [{"name": "results", "type": "array", "value": "{{ activities.fanout.results | array.map 'status' }}"}],
         "root": {"id": "fanout", "type": "ParallelForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}, "maxDegreeOfParallelism": 2},
           "body": {"id": "settle", "type": "Delay", "inputs": {"duration": {"expression": "{{ item }}"}}}}}
        """, new { jobs = new[] { "30s", "10s", "20s" } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(new List<object?> { "Succeeded", "Succeeded", "Succeeded" }, result.Outputs["results"]);
    }

    [Fact]
    public async Task Flowchart_runs_what_follows_a_branch_that_ends_after_a_dead_end_branch()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "f", "root": {"id": "chart", "type": "Flowchart",
          "activities": [{"id": "deadEnd", "type": "Echo"}, {"id": "first", "type": "Echo"}, {"id": "next", "type": "Echo"}],
          "connections": [{"from": "first", "to": "next"}]}}
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(["deadEnd", "first", "next", "chart"], result.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Parallel_waits_for_every_branch_before_the_sequence_goes_on()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "par", "root": {"id": "seq", "type": "Sequence", "activities": [
          {"id": "both", "type": "Parallel", "activities": [{"id": "left", "type": "Echo"}, {"id": "right", "type": "Echo"}]},
          {"id": "after", "type": "Echo"}]}}
        """);

        Assert.Equal(["left", "right", "both", "after", "seq"], result.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Item_failing_while_another_item_has_ended_keeps_both_results()
    {
        var result = await new TestEngine().RunAsync("""
        {"id": "p", "inputs": [{"name": "jobs", "type": "array"}],
         "outputs": [{"name": "statuses", "type": "array", "value": "{{ activities.fanout.results | array.map 'status' }}"}],
         "root": {"id": "chart", "type": "Flowchart", "activities": [
           {"id": "fanout", "type": "ParallelForEach", "inputs": {"items": {"expression": "{{ input.jobs }}"}},
            "body": {"id": "check", "type": "Add", "inputs": {"a": {"expression": "{{ item }}"}}}},
           {"id": "report", "type": "Echo"}],
          "connections": [{"from": "fanout", "outcome": "SomeFailed", "to": "report"}]}}
        """, new { jobs = new object[] { 1, "x", 3 } });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(new List<object?> { "Succeeded", "Failed", "Succeeded" }, result.Outputs["statuses"]);
        Assert.Contains(result.Journal, j => j.ActivityId == "report");
    }
}
