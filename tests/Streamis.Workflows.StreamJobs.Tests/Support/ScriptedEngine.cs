using System.Collections.Concurrent;
using System.Globalization;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.StreamJobs.Tests.Support;

/// <summary>What a launch of a job does on the <see cref="ScriptedEngine"/>.</summary>
public enum LaunchScript
{
    /// <summary>Starting at launch, Running from the first status poll on.</summary>
    Run,

    /// <summary>The engine refuses the launch (LaunchAsync throws its message).</summary>
    Refuse,

    /// <summary>Accepted, then Failed at the first status poll, with the engine's message.</summary>
    FailBeforeRunning,

    /// <summary>Accepted, and Starting for ever.</summary>
    NeverRun,
}

/// <summary>
/// A stand-in engine for the jobs of type flink.sql (engine <c>linkis-flink</c>), scripted per job, with connectors of
/// every kind, to drive the built-in workflows through each failure: a refused launch, a job that never runs, a job that
/// fails while running, a stop that fails, an engine that cannot be reached. Everything done to it is recorded.
/// </summary>
public sealed class ScriptedEngine(TimeProvider clock) : IJobLauncher, IJobStateFetcher, IJobLogFetcher
{
    public const string Name = "linkis-flink";
    public const string RefusalMessage = "Linkis refused the EngineConn: queue root.default has no resources left";
    public const string FailureMessage = "Flink job failed: java.lang.OutOfMemoryError: Java heap space";
    public const string StopFailure = "killEngineConn answered: EngineConn is busy, try later";

    private readonly ConcurrentDictionary<long, ConcurrentQueue<LaunchScript>> scripts = new();
    private readonly ConcurrentDictionary<string, Execution> executions = new();
    private readonly ConcurrentDictionary<long, List<JobState>> states = new();
    private readonly ConcurrentDictionary<long, bool> failingStops = new();
    private int savepoints;

    public string Engine => Name;

    public IReadOnlyCollection<string> JobTypes { get; } = ["flink.sql", "flink.jar"];

    public IReadOnlyCollection<string> LogTypes { get; } = ["client", "yarn"];

    /// <summary>Every launch request, in order.</summary>
    public ConcurrentQueue<JobLaunchRequest> Launches { get; } = new();

    /// <summary>When the job's launches happened, on the test's clock.</summary>
    public ConcurrentQueue<(long JobId, DateTimeOffset At)> LaunchTimes { get; } = new();

    /// <summary>When set, status calls fail as an unreachable engine does.</summary>
    public bool Unreachable { get; set; }

    /// <summary>What the next launches of a job do, in turn; the last one repeats. Unscripted jobs Run.</summary>
    public ScriptedEngine Script(long jobId, params LaunchScript[] launches)
    {
        scripts[jobId] = new ConcurrentQueue<LaunchScript>(launches);
        return this;
    }

    /// <summary>Stops of this job fail from now on.</summary>
    public void FailStops(long jobId) => failingStops[jobId] = true;

    /// <summary>A running execution of the job dies, as a Flink job does.</summary>
    public void Crash(long taskId, string message = FailureMessage)
    {
        foreach (var execution in executions.Values.Where(e => e.TaskId == taskId))
            (execution.Status, execution.Message) = (StreamTaskStatus.Failed, message);
    }

    /// <summary>A savepoint the engine holds for the job, as if an earlier run had written it.</summary>
    public JobState AddSavepoint(long jobId, DateTimeOffset at)
    {
        var state = new JobState(JobStateKind.Savepoint, SavepointLocation(jobId, 0), at);
        states.GetOrAdd(jobId, _ => []).Add(state);
        return state;
    }

    public Task<JobHandle> LaunchAsync(JobLaunchRequest request, CancellationToken cancellationToken)
    {
        var existing = executions.Values.FirstOrDefault(e => e.ExecutionId == request.ExecutionId);
        if (existing is not null) return Task.FromResult(existing.Handle);
        Launches.Enqueue(request);
        LaunchTimes.Enqueue((request.JobId, clock.GetUtcNow()));
        var script = Next(request.JobId);
        if (script == LaunchScript.Refuse) throw new InvalidOperationException(RefusalMessage);
        var handle = new JobHandle(Name, $"once-{request.TaskId}", new Dictionary<string, string> { ["ticketId"] = $"ticket-{request.TaskId}" });
        executions[handle.Id] = new Execution(handle, request.JobId, request.TaskId, request.ExecutionId, script);
        return Task.FromResult(handle);
    }

    public Task<JobStatusReport> GetStatusAsync(JobHandle handle, CancellationToken cancellationToken)
    {
        if (Unreachable) throw new TransientException("POST /api/rest_j/v1/linkisManager/getEngineConn failed: connection refused");
        var execution = Find(handle);
        if (execution.Status == StreamTaskStatus.Starting)
        {
            switch (execution.Script)
            {
                case LaunchScript.Run:
                    execution.Status = StreamTaskStatus.Running;
                    break;
                case LaunchScript.FailBeforeRunning:
                    (execution.Status, execution.Message) = (StreamTaskStatus.Failed, FailureMessage);
                    break;
            }
        }
        return Task.FromResult(new JobStatusReport(execution.Status, execution.Message, $"application_{execution.TaskId}"));
    }

    public Task<JobState> TriggerSavepointAsync(JobHandle handle, string? directory, CancellationToken cancellationToken)
    {
        var execution = Find(handle);
        if (execution.Status != StreamTaskStatus.Running) throw new InvalidOperationException($"EngineConn of task {execution.TaskId} is {execution.Status}");
        return Task.FromResult(Savepoint(execution));
    }

    public Task<JobState?> StopAsync(JobHandle handle, StopMode mode, string? savepointDirectory, CancellationToken cancellationToken)
    {
        var execution = Find(handle);
        if (failingStops.ContainsKey(execution.JobId)) throw new InvalidOperationException(StopFailure);
        if (execution.Status is StreamTaskStatus.Stopped or StreamTaskStatus.Failed or StreamTaskStatus.Completed) return Task.FromResult<JobState?>(null);
        var state = mode == StopMode.Direct ? null : Savepoint(execution);
        execution.Status = StreamTaskStatus.Stopped;
        return Task.FromResult(state);
    }

    public Task<JobState?> FindLatestAsync(JobStateQuery query, JobStateKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(query.JobId, out var list)
            ? list.Where(s => s.Kind == kind).OrderByDescending(s => s.Timestamp).FirstOrDefault()
            : null);

    public Task<bool> ExistsAsync(JobStateQuery query, string location, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(query.JobId, out var list) && list.Any(s => s.Location == location));

    public Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken)
    {
        var execution = Find(handle);
        var lines = Enumerable.Range(1, 250).Select(n => $"{request.LogType} line {n} of task {execution.TaskId}")
            .Where(l => request.OnlyKeywords is not { Length: > 0 } only || l.Contains(only, StringComparison.Ordinal))
            .ToList();
        var page = lines.Skip(request.FromLine - 1).Take(request.PageSize).ToList();
        return Task.FromResult(new JobLogPage(page, Math.Min(lines.Count, request.FromLine - 1 + request.PageSize), false, $"/logs/{execution.TaskId}/{request.LogType}"));
    }

    private JobState Savepoint(Execution execution)
    {
        var state = new JobState(JobStateKind.Savepoint, SavepointLocation(execution.JobId, Interlocked.Increment(ref savepoints)), clock.GetUtcNow());
        states.GetOrAdd(execution.JobId, _ => []).Add(state);
        return state;
    }

    private static string SavepointLocation(long jobId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"hdfs:///flink/flink-savepoints/p1/job{jobId}/savepoint-{number}/_metadata");

    private LaunchScript Next(long jobId)
    {
        if (!scripts.TryGetValue(jobId, out var queue)) return LaunchScript.Run;
        if (queue.Count > 1 && queue.TryDequeue(out var next)) return next;
        return queue.TryPeek(out var last) ? last : LaunchScript.Run;
    }

    private Execution Find(JobHandle handle) =>
        executions.TryGetValue(handle.Id, out var execution) ? execution : throw new InvalidOperationException($"Not exists EngineConn {handle.Id}");

    private sealed class Execution(JobHandle handle, long jobId, long taskId, string executionId, LaunchScript script)
    {
        public JobHandle Handle { get; } = handle;

        public long JobId { get; } = jobId;

        public long TaskId { get; } = taskId;

        public string ExecutionId { get; } = executionId;

        public LaunchScript Script { get; } = script;

        public StreamTaskStatus Status { get; set; } = StreamTaskStatus.Starting;

        public string? Message { get; set; }
    }
}
