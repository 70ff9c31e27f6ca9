using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class ParallelTests
{
    [Fact]
    public async Task Parallel_runs_every_branch_and_completes_after_the_last_one()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "par",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "quick", "type": "Echo", "inputs": {"value": 1}},
            {"id": "slow", "type": "Slow", "inputs": {"milliseconds": 50}},
            {"id": "other", "type": "Echo", "inputs": {"value": 2}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        foreach (var id in new[] { "quick", "slow", "other" })
            Assert.Equal(1, Counters.Of(result.State.InstanceId, id));
        Assert.Equal("par", result.Journal[^1].ActivityId);
        Assert.Equal(["other", "quick", "slow"], result.Journal.SkipLast(1).Select(j => j.ActivityId).Order());
    }

    [Fact]
    public async Task Parallel_slow_branches_are_in_flight_at_the_same_time()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "par-overlap",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "left", "type": "Measured", "inputs": {"milliseconds": 200}},
            {"id": "right", "type": "Measured", "inputs": {"milliseconds": 200}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2, ConcurrencyGauge.Max(result.State.InstanceId));
        Assert.Equal(0, ConcurrencyGauge.Current(result.State.InstanceId));
    }

    [Fact]
    public async Task Parallel_slow_branches_start_before_either_of_them_ends()
    {
        // On the real clock the journal tells when each Slow started and ended: the two intervals must overlap.
        var registry = ActivityRegistry.CreateDefault().AddFromAssembly(typeof(TestEngine).Assembly, "tests");
        var runner = new WorkflowRunner(registry);
        var result = await runner.RunAsync(runner.Parse("""
        {
          "id": "par-real-clock",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "left", "type": "Slow", "inputs": {"milliseconds": 200}},
            {"id": "right", "type": "Slow", "inputs": {"milliseconds": 200}}
          ]}
        }
        """));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var left = result.Journal.Single(j => j.ActivityId == "left");
        var right = result.Journal.Single(j => j.ActivityId == "right");
        Assert.True(left.StartedAt < right.Timestamp && right.StartedAt < left.Timestamp,
            $"left ran {left.StartedAt:O}..{left.Timestamp:O}, right {right.StartedAt:O}..{right.Timestamp:O}: they did not overlap");
    }

    [Fact]
    public async Task Definition_max_concurrency_bounds_the_activities_in_flight_at_once()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "par-bounded",
          "options": {"maxConcurrency": 2},
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "a", "type": "Measured", "inputs": {"milliseconds": 40}},
            {"id": "b", "type": "Measured", "inputs": {"milliseconds": 40}},
            {"id": "c", "type": "Measured", "inputs": {"milliseconds": 40}},
            {"id": "d", "type": "Measured", "inputs": {"milliseconds": 40}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(2, ConcurrencyGauge.Max(result.State.InstanceId));
        Assert.Equal(5, result.Journal.Count);
    }
}
