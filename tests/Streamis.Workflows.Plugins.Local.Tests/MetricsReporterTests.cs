using Streamis.Workflows.Plugins.Local.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests;

/// <summary>The figures of a local task's details: what its runner has written, read from the runner's own status.</summary>
public sealed class MetricsReporterTests : LocalEngineTest
{
    private readonly LocalJobMetricsReporter reporter = new();

    private Task<JobMetrics> MetricsAsync(JobHandle handle) => reporter.GetMetricsAsync(handle, CancellationToken.None);

    [Fact]
    public async Task A_running_task_reports_a_growing_count_of_records_written_and_their_rate()
    {
        var handle = await LaunchAsync(Request(40, 1));
        var first = await Eventually.UntilAsync(() => MetricsAsync(handle), m => m.Counts is [{ Count: > 0 }], "records to be written");
        var later = await Eventually.UntilAsync(() => MetricsAsync(handle), m => m.Counts[0].Count > first.Counts[0].Count, "the count to grow");

        Assert.Equal("events.txt", later.Counts[0].Name);
        var traffic = Assert.Single(later.Traffic);
        Assert.True(traffic.SinkRecordsPerSecond > 0, $"rate {traffic.SinkRecordsPerSecond}");
        Assert.Equal("events.txt", traffic.Sink);
        var load = Assert.Single(later.Load);
        Assert.Equal("runner", load.Type);
        Assert.True(load.MemoryBytes > 0);

        var written = ReadOutput(handle).Count;
        Assert.True(later.Counts[0].Count <= written, $"reported {later.Counts[0].Count}, the output holds {written}");
    }

    [Fact]
    public async Task A_task_whose_runner_wrote_no_status_has_no_figures()
    {
        var handle = await LaunchAsync(Request(41, 1));
        await Launcher.StopAsync(handle, StopMode.Direct, null, CancellationToken.None);
        File.Delete(Path.Combine(handle.Get("workDir")!, "status.json"));

        Assert.Same(JobMetrics.None, await MetricsAsync(handle));
    }

    [Fact]
    public async Task A_handle_of_another_engine_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => MetricsAsync(new JobHandle("linkis-flink", "x", new Dictionary<string, string>())));
        Assert.Contains("linkis-flink", error.Message);
    }
}
