using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Execution;

/// <summary>Children that end in the same interpreter pass: the parent hears of every one before it finishes.</summary>
public class SiblingCompletionTests
{
    [Fact]
    public async Task Flowchart_goes_on_with_a_branch_when_a_sibling_branch_has_ended_first()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "fork", "root": {"id": "flow", "type": "Flowchart",
            "activities": [
              {"id": "deadEnd", "type": "Log", "inputs": {"message": "branch without a next step"}},
              {"id": "first", "type": "Log", "inputs": {"message": "branch with a next step"}},
              {"id": "next", "type": "Log", "inputs": {"message": "next step"}}
            ],
            "connections": [{"from": "first", "outcome": "Done", "to": "next"}]}
        }
        """);
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Contains(result.Journal, e => e.ActivityId == "next" && e.Kind == JournalEventKind.Completed);
    }

    [Fact]
    public async Task ParallelForEach_records_every_item_when_all_items_run_at_once()
    {
        var result = await new TestEngine().RunAsync("""
        {
          "id": "fan-out",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.each.results | array.map \"result\" }}"}],
          "root": {"id": "each", "type": "ParallelForEach",
            "inputs": {"items": ["a", "b", "c"], "maxDegreeOfParallelism": 8},
            "body": {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ item }}"}}}}
        }
        """);
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(new List<object?> { "a", "b", "c" }, result.Outputs["results"]);
    }
}
