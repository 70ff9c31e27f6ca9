using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class SequenceTests
{
    [Fact]
    public async Task Sequence_runs_its_activities_one_after_another_each_seeing_the_previous_output()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "seq", "name": "Sequence",
          "outputs": [{"name": "last", "value": "{{ activities.third.result }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "first", "type": "Echo", "inputs": {"value": "a"}},
            {"id": "second", "type": "Echo", "inputs": {"value": {"expression": "{{ activities.first.result }}b"}}},
            {"id": "third", "type": "Echo", "inputs": {"value": {"expression": "{{ activities.second.result }}c"}}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("abc", result.Outputs["last"]);
        Assert.Equal(["first", "second", "third", "seq"], result.Journal.Select(j => j.ActivityId));
        foreach (var id in new[] { "first", "second", "third" })
            Assert.Equal(1, Counters.Of(result.State.InstanceId, id));
    }

    [Fact]
    public async Task Empty_sequence_completes_at_once()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {"id": "empty", "root": {"id": "seq", "type": "Sequence", "activities": []}}
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var entry = Assert.Single(result.Journal);
        Assert.Equal(("seq", JournalEventKind.Completed, "Done"), (entry.ActivityId, entry.Kind, entry.Outcome));
    }

    [Fact]
    public async Task Sequence_stops_at_a_faulted_activity_and_does_not_run_the_rest()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "seq-fault",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "before", "type": "Echo", "inputs": {"value": 1}},
            {"id": "boom", "type": "Fail", "inputs": {"message": "stop here"}},
            {"id": "after", "type": "Echo", "inputs": {"value": 2}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "before"));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "after"));
    }
}
