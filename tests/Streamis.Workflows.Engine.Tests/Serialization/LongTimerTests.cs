using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Serialization;

/// <summary>Timers longer than a .NET timer can wait (about 49 days) still resume, in one call or from saved state.</summary>
public class LongTimerTests
{
    private const string YearLong = """
    {"id": "yearly", "root": {"id": "seq", "type": "Sequence", "activities": [
      {"id": "wait", "type": "Delay", "inputs": {"duration": "P1Y"}},
      {"id": "after", "type": "Echo", "inputs": {"value": "done"}}]}}
    """;

    [Fact]
    public async Task Delay_of_a_year_resumes_within_the_call()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(YearLong);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Contains(result.Journal, j => j.ActivityId == "after");
        Assert.True(engine.Clock.GetUtcNow() - start >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Delay_of_a_year_resumes_from_saved_state()
    {
        var first = new TestEngine();
        first.Definitions.Add(first.Parse(YearLong));
        var suspended = await first.RunAsync(YearLong, resumeTimers: false);
        var timer = Assert.Single(suspended.Bookmarks);
        Assert.Equal(first.Clock.GetUtcNow().AddDays(365), timer.ResumeAt);

        var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(suspended.State));
        var result = await new TestEngine(first.Definitions).Runner.ResumeAsync(state, timer.Id);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(["wait", "after", "seq"], result.Journal.Select(j => j.ActivityId));
    }
}
