using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class WhileTests
{
    [Fact]
    public async Task While_re_evaluates_its_condition_before_every_pass()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "while",
          "variables": [{"name": "attempts", "type": "integer", "default": 0}],
          "outputs": [{"name": "attempts", "type": "integer"}],
          "root": {"id": "loop", "type": "While", "inputs": {"condition": {"expression": "{{ vars.attempts < 4 }}"}},
            "body": {"id": "inc", "type": "SetVariable", "inputs": {"name": "attempts", "value": {"expression": "{{ vars.attempts + 1 }}"}}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(4L, result.Outputs["attempts"]);
        Assert.Equal(4, result.Journal.Count(j => j.ActivityId == "inc"));
    }

    [Fact]
    public async Task While_whose_condition_is_false_at_first_never_runs_its_body()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "while-never",
          "root": {"id": "loop", "type": "While", "inputs": {"condition": false},
            "body": {"id": "work", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "work"));
    }

    [Fact]
    public async Task While_faults_with_a_clear_message_when_max_iterations_is_reached()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "while-forever",
          "root": {"id": "loop", "type": "While", "inputs": {"condition": true, "maxIterations": 5},
            "body": {"id": "work", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(5, Counters.Of(result.State.InstanceId, "work"));
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("loop", "While"), (incident.ActivityId, incident.ActivityType));
        Assert.Equal("While \"loop\" passed 5 times and its condition still holds (maxIterations)", incident.Message);
    }
}
