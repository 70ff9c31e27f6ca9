using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Sequence_passes_outputs_through_expressions_to_workflow_outputs()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "smoke", "name": "Smoke",
          "inputs": [{"name": "start", "type": "integer", "required": true}],
          "outputs": [{"name": "total", "type": "integer", "value": "{{ activities.second.sum }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "first", "type": "Add", "inputs": {"a": {"expression": "{{ input.start }}"}, "b": 10}},
            {"id": "second", "type": "Add", "inputs": {"a": {"expression": "{{ activities.first.sum }}"}}}
          ]}
        }
        """, new { start = 5 });
        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(16L, result.Outputs["total"]);
        Assert.Equal(["first", "second", "seq"], result.Journal.Select(j => j.ActivityId));
    }
}
