using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class FaultTests
{
    private static string ThreeSteps(string service) => """
        {
          "id": "three-steps",
          "outputs": [{"name": "answer", "value": "{{ activities.call.answer }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "before", "type": "Echo", "inputs": {"value": 1}},
            {"id": "call", "type": "CallService", "inputs": {"service": "SERVICE"}},
            {"id": "after", "type": "Echo", "inputs": {"value": 2}}
          ]}
        }
        """.Replace("SERVICE", service);

    [Fact]
    public async Task Unhandled_failure_faults_the_instance_with_one_incident()
    {
        var service = $"yarn-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();

        var result = await engine.RunAsync(ThreeSteps(service));

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("call", "CallService", $"{service} is down", "InvalidOperationException"),
            (incident.ActivityId, incident.ActivityType, incident.Message, incident.ErrorType));
        Assert.Equal(engine.Clock.GetUtcNow(), incident.Timestamp);
        Assert.Equal("call", result.State.Frames[incident.FrameId].ActivityId);
        Assert.Equal(FrameStatus.Faulted, result.State.Frames[incident.FrameId].Status);
        Assert.Null(result.State.FinishedAt);
    }

    [Fact]
    public async Task Retry_after_fixing_the_cause_continues_from_the_failed_activity_without_rerunning_completed_ones()
    {
        var service = $"linkis-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();
        var faulted = await engine.RunAsync(ThreeSteps(service));
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal(0, Counters.Of(faulted.State.InstanceId, "after"));

        ServiceOutages.End(service);
        var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(faulted.State));
        var retried = await engine.Runner.RetryAsync(state);

        Assert.Equal(WorkflowStatus.Completed, retried.Status);
        Assert.Equal($"{service} answered", retried.Outputs["answer"]);
        Assert.Empty(retried.Incidents);
        var id = retried.State.InstanceId;
        Assert.Equal((1, 2, 1), (Counters.Of(id, "before"), Counters.Of(id, "call"), Counters.Of(id, "after")));
        Assert.Equal(["call", "after", "seq"], retried.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Retry_after_a_fault_in_a_parallel_branch_reruns_the_interrupted_sibling_but_not_the_completed_one()
    {
        var service = $"dss-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();
        var faulted = await engine.RunAsync("""
        {
          "id": "parallel-fault",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "done", "type": "Echo", "inputs": {"value": 1}},
            {"id": "busy", "type": "Slow", "inputs": {"milliseconds": 300}},
            {"id": "call", "type": "CallService", "inputs": {"service": "SERVICE"}}
          ]}
        }
        """.Replace("SERVICE", service));

        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        // The busy sibling was interrupted, not lost: its work is queued for when the instance goes on.
        Assert.Contains(faulted.State.Queue, w => w.Kind == WorkKind.Execute && faulted.State.Frames[w.FrameId].ActivityId == "busy");

        ServiceOutages.End(service);
        var retried = await engine.Runner.RetryAsync(faulted.State);

        Assert.Equal(WorkflowStatus.Completed, retried.Status);
        var id = retried.State.InstanceId;
        Assert.Equal((1, 2, 2), (Counters.Of(id, "done"), Counters.Of(id, "busy"), Counters.Of(id, "call")));
        Assert.Empty(retried.State.Frames);
    }

    [Fact]
    public async Task Faulted_instance_does_not_move_on_when_a_waiting_branch_is_signalled()
    {
        var engine = new TestEngine();
        var faulted = await engine.RunAsync("""
        {
          "id": "fault-beside-wait",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "approve", "type": "WaitForSignal", "inputs": {"signal": "go"}},
            {"id": "boom", "type": "Fail", "inputs": {"message": "launch failed"}}
          ]}
        }
        """);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Runner.SignalAsync(faulted.State, "go"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Runner.ResumeAsync(faulted.State, faulted.Bookmarks[0].Id));

        Assert.Equal(WorkflowStatus.Faulted, faulted.State.Status);
        Assert.Single(faulted.State.Incidents);
        Assert.Single(faulted.State.Bookmarks);
    }

    [Fact]
    public async Task Continuing_a_faulted_instance_leaves_it_faulted_for_a_retry()
    {
        var service = $"flink-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();
        var faulted = await engine.RunAsync("""
        {
          "id": "fault-beside-slow",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "busy", "type": "Slow", "inputs": {"milliseconds": 300}},
            {"id": "call", "type": "CallService", "inputs": {"service": "SERVICE"}}
          ]}
        }
        """.Replace("SERVICE", service));
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.NotEmpty(faulted.State.Queue);

        var continued = await engine.Runner.ContinueAsync(faulted.State);

        Assert.Equal(WorkflowStatus.Faulted, continued.Status);
        Assert.Single(continued.Incidents);
        Assert.Equal(1, Counters.Of(faulted.State.InstanceId, "busy"));

        ServiceOutages.End(service);
        var retried = await engine.Runner.RetryAsync(continued.State);
        Assert.Equal(WorkflowStatus.Completed, retried.Status);
    }

    [Fact]
    public async Task Continuing_a_completed_instance_again_changes_nothing()
    {
        // At-least-once delivery may hand the same instance out twice: the second time finds it finished.
        var engine = new TestEngine();
        var completed = await engine.RunAsync("""{"id": "done-once", "root": {"id": "echo", "type": "Echo", "inputs": {"value": 1}}}""");

        var again = await engine.Runner.ContinueAsync(completed.State);

        Assert.Equal(WorkflowStatus.Completed, again.Status);
        Assert.Empty(again.Incidents);
        Assert.Empty(again.Journal);
        Assert.Equal(1, Counters.Of(completed.State.InstanceId, "echo"));
    }

    [Fact]
    public async Task Retry_of_an_instance_that_is_not_faulted_is_refused()
    {
        var engine = new TestEngine();
        var completed = await engine.RunAsync("""{"id": "fine", "root": {"id": "echo", "type": "Echo", "inputs": {"value": 1}}}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Runner.RetryAsync(completed.State));
        Assert.Contains("only a faulted instance can be retried", error.Message);
    }

    [Fact]
    public async Task Activity_that_throws_faults_only_its_own_instance()
    {
        var engine = new TestEngine();
        var broken = engine.Runner.RunAsync(engine.Parse("""
        {
          "id": "broken",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "wait", "type": "Slow", "inputs": {"milliseconds": 20}},
            {"id": "boom", "type": "Flaky", "inputs": {"failures": 1, "transient": false}}
          ]}
        }
        """));
        var healthy = engine.Runner.RunAsync(engine.Parse("""
        {
          "id": "healthy",
          "outputs": [{"name": "sum", "type": "integer", "value": "{{ activities.add.sum }}"}],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "wait", "type": "Slow", "inputs": {"milliseconds": 60}},
            {"id": "add", "type": "Add", "inputs": {"a": 2, "b": 3}}
          ]}
        }
        """));

        var results = await Task.WhenAll(broken, healthy);

        Assert.Equal(WorkflowStatus.Faulted, results[0].Status);
        Assert.Equal("permanent failure 1", Assert.Single(results[0].Incidents).Message);
        Assert.Equal(WorkflowStatus.Completed, results[1].Status);
        Assert.Equal(5L, results[1].Outputs["sum"]);
        Assert.Empty(results[1].Incidents);
    }

    [Fact]
    public async Task Input_that_cannot_be_converted_faults_with_the_input_named()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {"id": "bad-input", "root": {"id": "add", "type": "Add", "inputs": {"a": {"expression": "{{ 'seven' }}"}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("ActivityInputException", incident.ErrorType);
        Assert.Contains("input \"a\" of Add \"add\"", incident.Message);
    }

    [Fact]
    public async Task Retry_inside_a_for_each_continues_with_the_failed_item_and_then_the_rest()
    {
        string[] services = [$"a-{Guid.NewGuid():N}", $"b-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}"];
        ServiceOutages.Begin(services[1]);
        var engine = new TestEngine();
        var faulted = await engine.RunAsync("""
        {
          "id": "retry-in-loop",
          "inputs": [{"name": "services", "type": "array"}],
          "variables": [{"name": "done", "type": "string", "default": ""}],
          "outputs": [{"name": "done", "type": "string"}],
          "root": {"id": "each", "type": "ForEach", "inputs": {"items": {"expression": "{{ input.services }}"}},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "call", "type": "CallService", "inputs": {"service": {"expression": "{{ item }}"}}},
              {"id": "note", "type": "SetVariable", "inputs": {"name": "done", "value": {"expression": "{{ vars.done }}{{ index }};"}}}
            ]}}
        }
        """, new { services });
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal(2, Counters.Of(faulted.State.InstanceId, "call"));

        ServiceOutages.End(services[1]);
        var retried = await engine.Runner.RetryAsync(InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(faulted.State)));

        Assert.Equal(WorkflowStatus.Completed, retried.Status);
        Assert.Equal("0;1;2;", retried.Outputs["done"]);
        // Item 0 is not called again: one call for it, two for item 1, one for item 2.
        Assert.Equal(4, Counters.Of(faulted.State.InstanceId, "call"));
    }

    [Fact]
    public async Task Retry_inside_a_child_workflow_continues_the_child_and_returns_its_outputs_to_the_parent()
    {
        var service = $"child-{Guid.NewGuid():N}";
        ServiceOutages.Begin(service);
        var engine = new TestEngine();
        engine.Definitions.Add(engine.Parse("""
        {
          "id": "child",
          "outputs": [{"name": "answer", "value": "{{ activities.call.answer }}"}],
          "root": {"id": "steps", "type": "Sequence", "activities": [
            {"id": "prepare", "type": "Echo", "inputs": {"value": 1}},
            {"id": "call", "type": "CallService", "inputs": {"service": "SERVICE"}}
          ]}
        }
        """.Replace("SERVICE", service)));
        var faulted = await engine.RunAsync("""
        {
          "id": "parent",
          "outputs": [{"name": "answer", "value": "{{ activities.run.output.answer }}"}],
          "root": {"id": "run", "type": "RunWorkflow", "inputs": {"definitionId": "child"}}
        }
        """);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal("call", Assert.Single(faulted.Incidents).ActivityId);

        ServiceOutages.End(service);
        var retried = await engine.Runner.RetryAsync(InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(faulted.State)));

        Assert.Equal(WorkflowStatus.Completed, retried.Status);
        Assert.Equal($"{service} answered", retried.Outputs["answer"]);
        Assert.Equal(1, Counters.Of(faulted.State.InstanceId, "prepare"));
        Assert.Equal([0], retried.State.Scopes.Keys);
    }
}
