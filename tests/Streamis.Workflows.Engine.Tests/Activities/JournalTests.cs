using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public class JournalTests
{
    private const string Steps = """
        {
          "id": "journal",
          "root": {"id": "seq", "type": "Sequence", "activities": [
            {"id": "echo", "type": "Echo", "inputs": {"value": 1}},
            {"id": "pause", "type": "Delay", "inputs": {"duration": "5m"}},
            {"id": "check", "type": "If", "inputs": {"condition": true}}
          ]}
        }
        """;

    [Fact]
    public async Task Each_activity_execution_is_journalled_with_id_type_times_outcome_and_attempt()
    {
        var engine = new TestEngine();
        var start = engine.Clock.GetUtcNow();

        var result = await engine.RunAsync(Steps);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal(
            [("echo", "Echo", "Done"), ("pause", "Delay", "Done"), ("check", "If", "True"), ("seq", "Sequence", "Done")],
            result.Journal.Select(j => (j.ActivityId, j.ActivityType, j.Outcome)));
        Assert.All(result.Journal, j =>
        {
            Assert.Equal(JournalEventKind.Completed, j.Kind);
            Assert.Equal(result.State.InstanceId, j.InstanceId);
            Assert.Equal(1, j.Attempt);
            Assert.NotNull(j.StartedAt);
            Assert.Equal((j.Timestamp - j.StartedAt!.Value).TotalMilliseconds, j.DurationMs);
        });
        var pause = result.Journal.Single(j => j.ActivityId == "pause");
        Assert.Equal((start, start + TimeSpan.FromMinutes(5)), (pause.StartedAt!.Value, pause.Timestamp));
        var seq = result.Journal.Single(j => j.ActivityId == "seq");
        Assert.Equal((start, TimeSpan.FromMinutes(5).TotalMilliseconds), (seq.StartedAt!.Value, seq.DurationMs));
        Assert.Equal(result.Journal.Count, result.Journal.Select(j => j.FrameId).Distinct().Count());
    }

    [Fact]
    public async Task Journal_sequence_numbers_increase_and_carry_on_across_a_suspension()
    {
        var engine = new TestEngine();
        var first = await engine.RunAsync(Steps, resumeTimers: false);
        Assert.Equal(WorkflowStatus.Suspended, first.Status);
        Assert.Equal([1L], first.Journal.Select(j => j.Sequence));

        var state = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(first.State));
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await engine.Runner.ResumeAsync(state, Assert.Single(state.Bookmarks).Id);

        Assert.Equal(WorkflowStatus.Completed, second.Status);
        Assert.Equal([2L, 3L, 4L], second.Journal.Select(j => j.Sequence));
        Assert.Equal(["pause", "check", "seq"], second.Journal.Select(j => j.ActivityId));
        Assert.Equal(4L, second.State.JournalSequence);
    }

    [Fact]
    public async Task Faulted_entry_carries_the_error_message_and_type()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {"id": "journal-fault", "root": {"id": "flaky", "type": "Flaky", "inputs": {"failures": 1, "transient": false}}}
        """);

        var entry = Assert.Single(result.Journal);
        Assert.Equal((JournalEventKind.Faulted, "permanent failure 1", "InvalidOperationException", (string?)null),
            (entry.Kind, entry.ErrorMessage, entry.ErrorType, entry.Outcome));
    }

    [Fact]
    public async Task Journal_sequence_numbers_are_unique_and_ordered_when_branches_run_in_parallel()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "journal-parallel",
          "root": {"id": "all", "type": "ParallelForEach", "inputs": {"items": [1, 2, 3, 4, 5, 6, 7, 8], "maxDegreeOfParallelism": 4},
            "body": {"id": "body", "type": "Sequence", "activities": [
              {"id": "work", "type": "Slow", "inputs": {"milliseconds": {"expression": "{{ item * 3 }}"}}},
              {"id": "note", "type": "Log", "inputs": {"message": {"expression": "item {{ item }} done"}}}
            ]}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        var sequences = result.Journal.Select(j => j.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.Equal(8, result.Journal.Count(j => j.Kind == JournalEventKind.Log));
        Assert.Equal(8, result.Journal.Count(j => j.ActivityId == "work"));
    }
}
