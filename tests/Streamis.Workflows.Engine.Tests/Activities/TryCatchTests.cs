using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class TryCatchTests
{
    [Fact]
    public async Task Catch_sees_the_error_local_and_the_outcome_is_Caught()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-catch",
          "variables": [{"name": "handled", "type": "string"}],
          "outputs": [
            {"name": "handled", "type": "string"},
            {"name": "errorType", "value": "{{ activities.guard.error.type }}"}
          ],
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "guard", "type": "TryCatch",
              "try": {"id": "steps", "type": "Sequence", "activities": [
                {"id": "launch", "type": "Fail", "inputs": {"message": "engine refused the job"}},
                {"id": "notReached", "type": "Echo", "inputs": {"value": 1}}
              ]},
              "catch": {"id": "note", "type": "SetVariable", "inputs": {"name": "handled",
                "value": {"expression": "{{ error.activityId }}: {{ error.message }}"}}}},
            {"id": "after", "type": "Echo", "inputs": {"value": 2}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("launch: engine refused the job", result.Outputs["handled"]);
        Assert.Equal("WorkflowFail", result.Outputs["errorType"]);
        Assert.Equal("Caught", result.Journal.Single(j => j.ActivityId == "guard").Outcome);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "notReached"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        Assert.Empty(result.Incidents);
    }

    [Fact]
    public async Task Try_that_succeeds_skips_catch_runs_finally_and_completes_with_Done()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-ok",
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "work", "type": "Echo", "inputs": {"value": 1}},
            "catch": {"id": "handler", "type": "Echo", "inputs": {"value": 2}},
            "finally": {"id": "cleanup", "type": "Echo", "inputs": {"value": 3}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "handler"));
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "cleanup"));
        Assert.Equal(["work", "cleanup", "guard"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal("Done", result.Journal[^1].Outcome);
    }

    [Fact]
    public async Task Finally_runs_after_a_caught_error()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-finally",
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "work", "type": "Fail", "inputs": {"message": "no"}},
            "catch": {"id": "handler", "type": "Echo", "inputs": {"value": 2}},
            "finally": {"id": "cleanup", "type": "Echo", "inputs": {"value": 3}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(["work", "handler", "cleanup", "guard"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal(JournalEventKind.Faulted, result.Journal[0].Kind);
        Assert.Equal("Caught", result.Journal[^1].Outcome);
    }

    [Fact]
    public async Task Fault_in_catch_is_rethrown_after_finally_has_run()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-rethrow",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "guard", "type": "TryCatch",
              "try": {"id": "work", "type": "Fail", "inputs": {"message": "first failure"}},
              "catch": {"id": "handler", "type": "Fail", "inputs": {"message": {"expression": "handling failed after: {{ error.message }}"}}},
              "finally": {"id": "cleanup", "type": "Echo", "inputs": {"value": 3}}},
            {"id": "after", "type": "Echo", "inputs": {"value": 4}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "cleanup"));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "after"));
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("handler", "Fail", "handling failed after: first failure"), (incident.ActivityId, incident.ActivityType, incident.Message));
        var order = result.Journal.Select(j => j.ActivityId).ToList();
        Assert.True(order.IndexOf("cleanup") < order.IndexOf("guard"), string.Join(", ", order));
        Assert.Equal(JournalEventKind.Faulted, result.Journal.Single(j => j.ActivityId == "guard").Kind);
    }

    [Fact]
    public async Task Try_catch_handles_a_fault_deep_inside_nested_composites()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-deep",
          "outputs": [{"name": "where", "value": "{{ activities.guard.error.activityId }}"}],
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "par", "type": "Parallel", "activities": [
              {"id": "long", "type": "Slow", "inputs": {"milliseconds": 5000}},
              {"id": "seq", "type": "Sequence", "activities": [
                {"id": "deep", "type": "Flaky", "inputs": {"failures": 1, "transient": false}}
              ]}
            ]}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("deep", result.Outputs["where"]);
        Assert.Equal("Caught", result.Journal[^1].Outcome);
        Assert.Contains(result.Journal, j => j.ActivityId == "long" && j.Kind == JournalEventKind.Cancelled);
        Assert.Empty(result.State.Frames);
    }

    [Fact]
    public async Task Retries_inside_try_run_before_catch_and_a_success_completes_with_Done()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-retry-ok",
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "flaky", "type": "Flaky", "inputs": {"failures": 2}, "retry": {"maxAttempts": 3, "initialDelay": "1s", "jitter": 0}},
            "catch": {"id": "handler", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("Done", result.Journal[^1].Outcome);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "handler"));
    }

    [Fact]
    public async Task Catch_sees_the_error_of_the_last_attempt_once_retries_are_exhausted()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-retry-exhausted",
          "outputs": [{"name": "message", "value": "{{ activities.guard.error.message }}"}],
          "root": {"id": "guard", "type": "TryCatch",
            "try": {"id": "flaky", "type": "Flaky", "inputs": {"failures": 9}, "retry": {"maxAttempts": 3, "initialDelay": "1s", "jitter": 0}},
            "catch": {"id": "handler", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("flaky failure 3", result.Outputs["message"]);
        Assert.Equal("Caught", result.Journal[^1].Outcome);
        Assert.Equal((3, 1), (Counters.Of(result.State.InstanceId, "flaky"), Counters.Of(result.State.InstanceId, "handler")));
    }

    [Fact]
    public async Task Transient_fault_rethrown_after_finally_stays_transient_for_a_retry_policy()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "try-rethrow-transient",
          "root": {"id": "guard", "type": "TryCatch", "retry": {"maxAttempts": 2, "initialDelay": "1s", "jitter": 0},
            "try": {"id": "work", "type": "Fail", "inputs": {"message": "no"}},
            "catch": {"id": "alert", "type": "Flaky", "inputs": {"failures": 1}},
            "finally": {"id": "cleanup", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal([JournalEventKind.Retrying, JournalEventKind.Faulted],
            result.Journal.Where(j => j.ActivityId == "guard").Select(j => j.Kind));
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "alert"));
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "cleanup"));
        Assert.Equal("TransientException", Assert.Single(result.Incidents).ErrorType);
    }
}
