using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Execution;

/// <summary>A branch waiting on a timer goes on when the timer is due, not when every other branch has come to rest.</summary>
public class TimersInRunTests
{
    private const string DelayBesideIo = """
        {
          "id": "delay-beside-io",
          "root": {"id": "both", "type": "Parallel", "activities": [
            {"id": "io", "type": "Slow", "inputs": {"milliseconds": 1500}},
            {"id": "timed", "type": "Sequence", "activities": [
              {"id": "wait", "type": "Delay", "inputs": {"duration": "1h"}},
              {"id": "after", "type": "Echo", "inputs": {"value": 1}}
            ]}
          ]}
        }
        """;

    [Fact]
    public async Task A_delay_beside_io_in_flight_resumes_before_the_io_ends()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync(DelayBesideIo);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var after = result.Journal.Single(j => j.ActivityId == "after");
        var io = result.Journal.Single(j => j.ActivityId == "io");
        Assert.True(after.Sequence < io.Sequence, "the delayed branch waited for the other branch's I/O");
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
    }

    [Fact]
    public async Task Resuming_due_timers_alone_finishes_the_branch_in_the_run_and_suspends_on_a_timer_not_yet_due()
    {
        var engine = new TestEngine();
        var definition = engine.Parse(DelayBesideIo.Replace("\"1h\"", "\"0ms\"", StringComparison.Ordinal)
            .Replace("{\"id\": \"io\", \"type\": \"Slow\", \"inputs\": {\"milliseconds\": 1500}}",
                "{\"id\": \"later\", \"type\": \"Delay\", \"inputs\": {\"duration\": \"1h\"}}", StringComparison.Ordinal));

        var result = await engine.Runner.RunAsync(definition, null, new RunOptions { ResumeDueTimers = true });

        // The due timer is taken at once; the hour-long one is left to whoever schedules timers (the durable runtime).
        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        var bookmark = Assert.Single(result.Bookmarks);
        Assert.Equal("later", bookmark.ActivityId);
    }
}
