using Streamis.Workflows.Engine.Activities;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class DelayTests
{
    private const string OneHour = """
        {
          "id": "delay",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "wait", "type": "Delay", "inputs": {"duration": "1h"}},
            {"id": "after", "type": "Echo", "inputs": {"value": 1}}
          ]}
        }
        """;

    [Fact]
    public async Task One_hour_delay_completes_at_once_on_the_skipping_clock_which_moves_an_hour()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(OneHour);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(start + TimeSpan.FromHours(1), engine.Clock.GetUtcNow());
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
        var wait = result.Journal.Single(j => j.ActivityId == "wait");
        Assert.Equal(TimeSpan.FromHours(1).TotalMilliseconds, wait.DurationMs);
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task A_delay_with_a_fraction_of_a_millisecond_completes_on_the_skipping_clock()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(OneHour.Replace("\"1h\"", "\"1.5ms\"", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.InRange(engine.Clock.GetUtcNow() - start, TimeSpan.FromMilliseconds(1.5), TimeSpan.FromMilliseconds(2));
    }

    [Fact]
    public async Task Without_resuming_timers_a_delay_suspends_with_a_timer_bookmark_due_after_the_duration()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(OneHour, resumeTimers: false);

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        var bookmark = Assert.Single(result.Bookmarks);
        Assert.Equal((Delay.BookmarkName, "wait", start + TimeSpan.FromHours(1)), (bookmark.Name, bookmark.ActivityId, bookmark.ResumeAt));
        Assert.True(bookmark.IsTimer);
        Assert.Equal(0, Counters.Of(result.State.InstanceId, "after"));
        Assert.Equal(start, engine.Clock.GetUtcNow());

        engine.Clock.Advance(TimeSpan.FromHours(1));
        var resumed = await engine.Runner.ResumeAsync(result.State, bookmark.Id);

        Assert.Equal(WorkflowStatus.Completed, resumed.Status);
        Assert.Equal(1, Counters.Of(result.State.InstanceId, "after"));
    }

    [Fact]
    public async Task Delay_until_a_moment_waits_until_then()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {"id": "delay-until", "root": {"id": "wait", "type": "Delay", "inputs": {"until": "2026-01-01T06:30:00Z"}}}
        """, resumeTimers: false);

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 6, 30, 0, TimeSpan.Zero), Assert.Single(result.Bookmarks).ResumeAt);
    }

    [Fact]
    public async Task Delay_of_zero_completes_without_suspending()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""{"id": "delay-zero", "root": {"id": "wait", "type": "Delay", "inputs": {"duration": "0s"}}}""", resumeTimers: false);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task Parallel_delays_wait_together_so_the_clock_moves_by_the_longest()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync("""
        {
          "id": "parallel-delays",
          "root": {"id": "par", "type": "Parallel", "activities": [
            {"id": "short", "type": "Delay", "inputs": {"duration": "10m"}},
            {"id": "long", "type": "Delay", "inputs": {"duration": "30m"}}
          ]}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(start + TimeSpan.FromMinutes(30), engine.Clock.GetUtcNow());
        Assert.Equal(["short", "long", "par"], result.Journal.Select(j => j.ActivityId));
    }
}
