using System.Globalization;
using Streamis.Workflows.Plugins.Local.Protocol;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local.Tests.Support;

/// <summary>
/// A Local engine on a data folder of its own. Every task a test launches is killed when the test ends, pass or
/// fail; and since the runners watch this process (StopJobsWithHost), even a crashed test run leaves none behind.
/// </summary>
public abstract class LocalEngineTest : IDisposable
{
    public const string FastJob = """{"rate": 50, "checkpointIntervalSeconds": 0.3}""";

    private readonly List<JobHandle> launched = [];

    protected LocalEngineTest()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "streamis-local-engine-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
        Options = CreateOptions();
        Launcher = new LocalJobLauncher(Options);
        States = new LocalJobStateFetcher(Options);
        Logs = new LocalJobLogFetcher();
    }

    protected string DataDirectory { get; }

    protected LocalEngineOptions Options { get; }

    protected LocalJobLauncher Launcher { get; }

    protected LocalJobStateFetcher States { get; }

    protected LocalJobLogFetcher Logs { get; }

    protected LocalEngineOptions CreateOptions(TimeSpan? commandTimeout = null) => new()
    {
        DataDirectory = DataDirectory,
        StopJobsWithHost = true,
        CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(20),
    };

    protected static JobLaunchRequest Request(long jobId, long taskId, string content = FastJob, string? restoreFrom = null, string? executionId = null) =>
        new(jobId, taskId, "demo", $"job-{jobId}", "local", "v00001", "alice", content, new Dictionary<string, string>(), [],
            restoreFrom, executionId ?? $"launch-{jobId}-{taskId}");

    protected static JobStateQuery Query(long jobId, JobHandle? handle = null) =>
        new(jobId, "demo", $"job-{jobId}", "alice", new Dictionary<string, string>(), handle);

    protected async Task<JobHandle> LaunchAsync(JobLaunchRequest request)
    {
        var handle = await Launcher.LaunchAsync(request, CancellationToken.None);
        launched.Add(handle);
        return handle;
    }

    protected Task<JobStatusReport> StatusAsync(JobHandle handle) => Launcher.GetStatusAsync(handle, CancellationToken.None);

    protected Task<JobStatusReport> UntilStatusAsync(JobHandle handle, StreamTaskStatus status) =>
        Eventually.UntilAsync(() => StatusAsync(handle), report => report.Status == status, $"task {handle.Id} to be {status}");

    protected static long Metric(JobStatusReport report, string name) =>
        report.Metrics is { } metrics && metrics.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : -1;

    /// <summary>Waits until the task has written at least the given event.</summary>
    protected Task<JobStatusReport> UntilSequenceAsync(JobHandle handle, long sequence) =>
        Eventually.UntilAsync(() => StatusAsync(handle), report => Metric(report, "lastSequence") >= sequence,
            $"task {handle.Id} to write event {sequence}");

    internal static StateMetadata ReadState(string location) =>
        RunnerFiles.TryReadJson<StateMetadata>(location) ?? throw new FileNotFoundException(location);

    /// <summary>The output's events as (sequence, task) pairs, read while a runner may still be appending.</summary>
    protected static List<(long Sequence, string Task)> ReadOutput(JobHandle handle)
    {
        var path = handle.Get("output")!;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var events = new List<(long, string)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            events.Add((long.Parse(fields[0], CultureInfo.InvariantCulture), fields[2]));
        }
        return events;
    }

    /// <summary>Every number from 1 to the last exactly once, in order: no gap, no duplicate.</summary>
    protected static void AssertExactlyOnce(IReadOnlyList<(long Sequence, string Task)> events)
    {
        Assert.NotEmpty(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Sequence != i + 1)
                Assert.Fail($"Line {i + 1} holds event {events[i].Sequence} (task {events[i].Task}); expected {i + 1}: a gap or a duplicate.");
        }
    }

    public void Dispose()
    {
        foreach (var handle in launched)
        {
            var pid = int.Parse(handle.Get("pid")!, CultureInfo.InvariantCulture);
            var start = DateTimeOffset.Parse(handle.Get("startTime")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            ProcessIdentity.Kill(pid, start);
        }
        for (var attempt = 0; attempt < 20 && Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
        GC.SuppressFinalize(this);
    }
}
