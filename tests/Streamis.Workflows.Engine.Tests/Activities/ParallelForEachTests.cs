using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class ParallelForEachTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Max_degree_of_parallelism_bounds_how_many_items_run_at_once(int degree)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-degree",
          "root": {"id": "all", "type": "ParallelForEach",
            "inputs": {"items": [1, 2, 3, 4, 5, 6, 7], "maxDegreeOfParallelism": DEGREE},
            "body": {"id": "work", "type": "Measured", "inputs": {"milliseconds": 40}}}
        }
        """.Replace("DEGREE", degree.ToString()));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(7, Counters.Of(result.State.InstanceId, "work"));
        Assert.Equal(degree, ConcurrencyGauge.Max(result.State.InstanceId));
    }

    [Fact]
    public async Task Each_item_gets_a_result_with_its_result_local_and_its_own_activity_outputs()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-results",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.all.results }}"}],
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": ["etl", "sync", "report"], "maxDegreeOfParallelism": 3},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "wait", "type": "Slow", "inputs": {"milliseconds": {"expression": "{{ 30 - index * 10 }}"}}},
              {"id": "echo", "type": "Echo", "inputs": {"value": {"expression": "job {{ item }}"}}},
              {"id": "keep", "type": "SetVariable", "inputs": {"name": "result", "value": {"expression": "{{ activities.echo.result }} #{{ index }}"}}}
            ]}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var results = Assert.IsType<List<object?>>(result.Outputs["results"]);
        Assert.Equal(3, results.Count);
        string[] items = ["etl", "sync", "report"];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = Assert.IsType<Dictionary<string, object?>>(results[i]);
            Assert.Equal((long)i, entry["index"]);
            Assert.Equal(items[i], entry["item"]);
            Assert.Equal("Succeeded", entry["status"]);
            Assert.Equal("Done", entry["outcome"]);
            Assert.Equal($"job {items[i]} #{i}", entry["result"]);
            var outputs = Assert.IsType<Dictionary<string, object?>>(entry["outputs"]);
            var echo = Assert.IsType<Dictionary<string, object?>>(outputs["echo"]);
            Assert.Equal($"job {items[i]}", echo["result"]);
        }
        Assert.Equal("Done", result.Journal.Single(j => j.ActivityId == "all").Outcome);
    }

    [Fact]
    public async Task A_failing_item_does_not_stop_the_others_and_the_outcome_is_SomeFailed()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-some-failed",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.all.results }}"}],
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": [1, 2, 3, 4], "maxDegreeOfParallelism": 2},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ item == 2 }}"}},
                "then": {"id": "broken", "type": "Fail", "inputs": {"message": {"expression": "item {{ item }} is broken"}}}},
              {"id": "work", "type": "Echo", "inputs": {"value": {"expression": "{{ item }}"}}}
            ]}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("SomeFailed", result.Journal.Single(j => j.ActivityId == "all").Outcome);
        Assert.Equal(3, Counters.Of(result.State.InstanceId, "work"));
        var results = Assert.IsType<List<object?>>(result.Outputs["results"]).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["Succeeded", "Failed", "Succeeded", "Succeeded"], results.Select(r => r["status"]));
        Assert.Equal("item 2 is broken", results[1]["error"]);
        Assert.Equal("broken", results[1]["activityId"]);
        Assert.Empty(result.Incidents);
    }

    [Fact]
    public async Task Stop_on_failure_faults_and_cancels_the_items_still_running()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-stop",
          "root": {"id": "all", "type": "ParallelForEach",
            "inputs": {"items": [10, 5000, 5000, 5000, 5000], "maxDegreeOfParallelism": 2, "stopOnFailure": true},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "work", "type": "Slow", "inputs": {"milliseconds": {"expression": "{{ item }}"}}},
              {"id": "check", "type": "If", "inputs": {"condition": {"expression": "{{ item == 10 }}"}},
                "then": {"id": "broken", "type": "Fail", "inputs": {"message": "first item is broken"}}}
            ]}}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("broken", "first item is broken"), (incident.ActivityId, incident.Message));
        // Items 1 and 2 started; the second was cancelled in flight and the other three never started.
        Assert.Equal(2, Counters.Of(result.State.InstanceId, "work"));
        Assert.Contains(result.Journal, j => j.ActivityId == "work" && j.Kind == JournalEventKind.Cancelled);
        Assert.DoesNotContain(result.State.Frames.Values, f => f.ActivityId == "work");
        Assert.Empty(result.State.Queue);
    }

    [Fact]
    public async Task Parallel_for_each_over_no_items_completes_with_empty_results()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-empty",
          "outputs": [{"name": "results", "type": "array", "value": "{{ activities.all.results }}"}],
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": []},
            "body": {"id": "work", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Empty(Assert.IsType<List<object?>>(result.Outputs["results"]));
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "work"));
    }

    [Fact]
    public async Task Degree_of_parallelism_below_one_faults_with_a_clear_message()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "pfe-zero",
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": [1], "maxDegreeOfParallelism": 0},
            "body": {"id": "work", "type": "Echo", "inputs": {"value": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains("maxDegreeOfParallelism must be at least 1", Assert.Single(result.Incidents).Message);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "work"));
    }
}
