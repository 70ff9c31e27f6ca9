using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

/// <summary>The Local engine's promise: start, checkpoint, savepoint, stop or kill, restore, and the output goes on exactly once.</summary>
public sealed class RestoreTests : LocalEngineTest
{
    [Theory]
    [InlineData(StopMode.SavepointThenStop)]
    [InlineData(StopMode.StopWithSavepoint)]
    public async Task Snapshot_and_stop_then_restore_from_the_savepoint_continues_without_gap_or_duplicate(StopMode mode)
    {
        var first = await LaunchAsync(Request(1, 1));
        var running = await UntilStatusAsync(first, StreamTaskStatus.Running);
        Assert.True(Metric(running, "eventsWritten") > 0);
        Assert.Equal("50", running.Metrics!["rate"]);

        var checkpoint = await Eventually.UntilAsync(
            () => States.FindLatestAsync(Query(1, first), JobStateKind.Checkpoint, CancellationToken.None), state => state is not null, "a checkpoint");
        Assert.Matches(@"[/\\]checkpoints[/\\]1[/\\]chk-\d+[/\\]_metadata$", checkpoint!.Location);
        Assert.Equal(JobStateKind.Checkpoint, checkpoint.Kind);

        var savepoint = await Launcher.TriggerSavepointAsync(first, null, CancellationToken.None);
        Assert.True(File.Exists(savepoint.Location));
        Assert.Matches(@"[/\\]savepoints[/\\]1[/\\]savepoint-[\w-]+[/\\]_metadata$", savepoint.Location);
        var taken = ReadState(savepoint.Location);
        Assert.True(taken.LastSequence > 0);
        Assert.Equal(taken.LastSequence, ReadOutput(first).Take((int)taken.LastSequence).Last().Sequence);

        await UntilSequenceAsync(first, taken.LastSequence + 10);
        var stopped = await Launcher.StopAsync(first, mode, null, CancellationToken.None);
        Assert.NotNull(stopped);
        Assert.Equal(JobStateKind.Savepoint, stopped.Kind);
        var stoppedAt = ReadState(stopped.Location).LastSequence;
        Assert.True(stoppedAt >= taken.LastSequence + 10);
        Assert.Equal(StreamTaskStatus.Stopped, (await StatusAsync(first)).Status);
        Assert.Equal(stopped.Location, (await States.FindLatestAsync(Query(1), JobStateKind.Savepoint, CancellationToken.None))!.Location);

        var second = await LaunchAsync(Request(1, 2, restoreFrom: stopped.Location));
        await UntilSequenceAsync(second, stoppedAt + 20);
        await Launcher.StopAsync(second, StopMode.Direct, null, CancellationToken.None);

        var events = ReadOutput(second);
        AssertExactlyOnce(events);
        Assert.True(events.Count >= stoppedAt + 20);
        Assert.All(events.Take((int)stoppedAt), e => Assert.Equal("1", e.Task));
        Assert.All(events.Skip((int)stoppedAt), e => Assert.Equal("2", e.Task));
    }

    [Fact]
    public async Task A_kill_then_restore_from_the_newest_checkpoint_continues_without_gap_or_duplicate()
    {
        var first = await LaunchAsync(Request(2, 1));
        var checkpoint = await Eventually.UntilAsync(
            () => States.FindLatestAsync(Query(2), JobStateKind.Checkpoint, CancellationToken.None), state => state is not null, "a checkpoint");
        await UntilSequenceAsync(first, ReadState(checkpoint!.Location).LastSequence + 10);

        Assert.Null(await Launcher.StopAsync(first, StopMode.Direct, null, CancellationToken.None));
        Assert.Equal(StreamTaskStatus.Stopped, (await StatusAsync(first)).Status);
        var newest = await States.FindLatestAsync(Query(2), JobStateKind.Checkpoint, CancellationToken.None);
        var recorded = ReadState(newest!.Location);
        // Whatever the killed task wrote after its last checkpoint, and a torn last line, is not in the state.
        await File.AppendAllTextAsync(first.Get("output")!, "999999\t2000-01-01T00:00:00Z\t1\n9999");
        Assert.True(File.ReadAllLines(first.Get("output")!).Length > recorded.LastSequence);

        var second = await LaunchAsync(Request(2, 2, restoreFrom: newest.Location));
        await UntilSequenceAsync(second, recorded.LastSequence + 20);
        await Launcher.StopAsync(second, StopMode.Direct, null, CancellationToken.None);

        var events = ReadOutput(second);
        AssertExactlyOnce(events);
        Assert.Equal("2", events[(int)recorded.LastSequence].Task);
        var log = await Logs.FetchAsync(second, new JobLogRequest("client", OnlyKeywords: "Restored,Truncating"), CancellationToken.None);
        Assert.Equal(2, log.Lines.Count);
    }

    [Fact]
    public async Task Restoring_from_a_checkpoint_folder_of_an_earlier_task_works_as_from_its_metadata()
    {
        var first = await LaunchAsync(Request(3, 1));
        var checkpoint = await Eventually.UntilAsync(
            () => States.FindLatestAsync(Query(3), JobStateKind.Checkpoint, CancellationToken.None), state => state is not null, "a checkpoint");
        await Launcher.StopAsync(first, StopMode.Direct, null, CancellationToken.None);
        var newest = (await States.FindLatestAsync(Query(3), JobStateKind.Checkpoint, CancellationToken.None))!;
        var relativeFolder = Path.GetRelativePath(Path.Combine(DataDirectory, "jobs", "3"), Path.GetDirectoryName(newest.Location)!);

        var second = await LaunchAsync(Request(3, 2, restoreFrom: relativeFolder));
        await UntilSequenceAsync(second, ReadState(newest.Location).LastSequence + 5);
        await Launcher.StopAsync(second, StopMode.Direct, null, CancellationToken.None);

        AssertExactlyOnce(ReadOutput(second));
        Assert.NotNull(checkpoint);
    }

    [Fact]
    public async Task A_fresh_start_keeps_the_previous_output_aside_and_counts_from_one()
    {
        var first = await LaunchAsync(Request(4, 1));
        await UntilSequenceAsync(first, 5);
        await Launcher.StopAsync(first, StopMode.Direct, null, CancellationToken.None);

        var second = await LaunchAsync(Request(4, 2));
        await UntilSequenceAsync(second, 5);
        await Launcher.StopAsync(second, StopMode.Direct, null, CancellationToken.None);

        var events = ReadOutput(second);
        AssertExactlyOnce(events);
        Assert.All(events, e => Assert.Equal("2", e.Task));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(second.Get("output"))!, "events.*-before-task-2.txt"));
    }
}
