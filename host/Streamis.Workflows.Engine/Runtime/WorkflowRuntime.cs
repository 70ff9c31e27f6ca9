using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>
/// Runs instances durably: state is committed at every suspension and at the end (and after each activity
/// when a definition asks), work is handed out through the stored queue under per-instance leases, timers
/// wake the dispatcher when due, and a crashed node's instances are taken over when its leases expire.
/// An activity may run again after a crash (at least once): side effects use the context's ExecutionId.
/// </summary>
public sealed partial class WorkflowRuntime : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task> running = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> settled = new();
    private readonly ConcurrentDictionary<(string Id, int? Version), (DefinitionRecord Record, long ExpiresAt)> definitions = new();
    private TaskCompletionSource wake = NewWake();
    private readonly ILogger logger;
    private CancellationTokenSource? stopping;
    private Task? dispatcher;
    private Task? maintenance;
    // How a worker runs an instance: timers resumed within the run, a run that keeps going committed at intervals.
    private readonly RunOptions burstOptions;

    public WorkflowRuntime(WorkflowRunner runner, IDefinitionStore definitions, IInstanceStore instances,
        WorkflowRuntimeOptions? options = null, ILogger<WorkflowRuntime>? logger = null)
    {
        Runner = runner;
        Definitions = definitions;
        Instances = instances;
        Options = options ?? new WorkflowRuntimeOptions();
        burstOptions = new RunOptions { ResumeDueTimers = true, CheckpointInterval = Options.CheckpointInterval };
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public WorkflowRunner Runner { get; }

    public IDefinitionStore Definitions { get; }

    public IInstanceStore Instances { get; }

    public WorkflowRuntimeOptions Options { get; }

    private TimeProvider Clock => Runner.Options.Clock;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (stopping is not null) return Task.CompletedTask;
        stopping = new CancellationTokenSource();
        dispatcher = Task.Run(() => DispatchLoopAsync(stopping.Token), CancellationToken.None);
        maintenance = Task.Run(() => MaintenanceLoopAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work; running instances are interrupted and commit where they stand. Safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var source = Interlocked.Exchange(ref stopping, null);
        if (source is null) return;
        await source.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(new[] { dispatcher!, maintenance! }.Concat(running.Values)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The loops end by cancellation; that is the normal way out.
        }
        source.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Starts an instance of a definition (the published version unless one is named) and returns its id at once.</summary>
    public async Task<string> StartWorkflowAsync(string definitionId, IReadOnlyDictionary<string, object?>? input = null,
        string? correlationId = null, int? version = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var (state, _) = await NewInstanceAsync(definitionId, input, correlationId, version, instanceId, cancellationToken).ConfigureAwait(false);
        await QueueAsync(state, cancellationToken).ConfigureAwait(false);
        return state.InstanceId;
    }

    /// <summary>
    /// Starts an instance and runs it here and now, then stores it once with where it got to: the fast path for
    /// short procedures (one commit per run). Work left when it suspends or is interrupted goes on through the
    /// queue as usual. Definitions that commit after each activity take the queued path.
    /// </summary>
    public async Task<InstanceSummary> RunWorkflowAsync(string definitionId, IReadOnlyDictionary<string, object?>? input = null,
        string? correlationId = null, int? version = null, CancellationToken cancellationToken = default)
    {
        var (state, definition) = await NewInstanceAsync(definitionId, input, correlationId, version, null, cancellationToken).ConfigureAwait(false);
        if (definition.Options.CommitEachActivity)
        {
            await QueueAsync(state, cancellationToken).ConfigureAwait(false);
            return await WaitAsync(state.InstanceId, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("the instance vanished");
        }
        var result = await Runner.RunBurstAsync(state, null, RunOptions.Default, null, cancellationToken).ConfigureAwait(false);
        var running = state.Status == WorkflowStatus.Running;
        await Instances.CreateAsync(state, CommitOf(state, result.Journal, [], @continue: running, release: true), CancellationToken.None).ConfigureAwait(false);
        Diagnostics.WorkflowMetrics.Started.Add(1, new KeyValuePair<string, object?>("definition", state.DefinitionId));
        Diagnostics.WorkflowMetrics.Ended(state.DefinitionId, WorkflowStatus.Running, state.Status);
        if (running || state.Bookmarks.Any(b => b.IsTimer)) Wake();
        return new InstanceSummary(state.InstanceId, state.DefinitionId, state.DefinitionVersion, state.Status,
            state.Status == WorkflowStatus.Running ? "Pending" : state.Status.ToString(),
            state.CorrelationId, null, state.CreatedAt, state.UpdatedAt, state.FinishedAt, state.Incidents.Count);
    }

    /// <summary>A new, validated instance of the definition's published (or named) version, not yet stored.</summary>
    private async Task<(InstanceState State, Definitions.WorkflowDefinition Definition)> NewInstanceAsync(string definitionId,
        IReadOnlyDictionary<string, object?>? input, string? correlationId, int? version, string? instanceId, CancellationToken cancellationToken)
    {
        var record = await FindDefinitionAsync(definitionId, version, cancellationToken).ConfigureAwait(false);
        var graph = await Runner.GetGraphAsync(record.DefinitionId, record.Version, cancellationToken).ConfigureAwait(false);
        return (Runner.CreateInstance(graph.Definition, input, new RunOptions { CorrelationId = correlationId, InstanceId = instanceId }), graph.Definition);
    }

    /// <summary>Stores a new instance with its work queued, for a worker of any node to run.</summary>
    private async Task QueueAsync(InstanceState state, CancellationToken cancellationToken)
    {
        await Instances.CreateAsync(state, CommitOf(state, [], [], @continue: true, release: true), cancellationToken).ConfigureAwait(false);
        Diagnostics.WorkflowMetrics.Started.Add(1, new KeyValuePair<string, object?>("definition", state.DefinitionId));
        Wake();
    }

    /// <summary>Delivers a signal to the WaitForSignal bookmarks named <paramref name="signal"/>, optionally of one instance or correlation.</summary>
    public async Task<SignalResult> SignalAsync(string signal, object? payload = null, string? correlationId = null,
        string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var result = await Instances.ResumeAsync(instanceId, null, BookmarkHash.Of(Activities.WaitForSignal.BookmarkName, signal), correlationId,
            PayloadJson(payload), Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result.Resumed > 0) Wake();
        return result;
    }

    /// <summary>Resumes one bookmark of an instance by its id.</summary>
    public async Task<SignalResult> ResumeBookmarkAsync(string instanceId, string bookmarkId, object? payload = null, CancellationToken cancellationToken = default)
    {
        var result = await Instances.ResumeAsync(instanceId, bookmarkId, null, null, PayloadJson(payload), Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result.Resumed > 0) Wake();
        return result;
    }

    public Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        EnqueueAsync(instanceId, WorkKindNames.Cancel, cancellationToken);

    /// <summary>Retries a faulted instance from the activity that failed.</summary>
    public Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        EnqueueAsync(instanceId, WorkKindNames.Retry, cancellationToken);

    private async Task<bool> EnqueueAsync(string instanceId, string kind, CancellationToken cancellationToken)
    {
        var queued = await Instances.EnqueueAsync(instanceId, kind, Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (queued) Wake();
        return queued;
    }

    /// <summary>Waits until the instance is at rest: completed, faulted, cancelled, or suspended with nothing due.</summary>
    public async Task<InstanceSummary?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            var signal = settled.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var summary = await Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (summary is null) return null;
            // A suspended instance just signalled is not at rest yet: its resume is queued.
            if (summary.Status != WorkflowStatus.Running && !await Instances.HasDueWorkAsync(instanceId, Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
                return summary;
            try
            {
                // Commits on this node complete the signal; another node's are seen by polling.
                await signal.Task.WaitAsync(TimeSpan.FromMilliseconds(250), limit.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Drops cached lookups of a definition, after it was published or retracted here.</summary>
    public void ForgetDefinition(string definitionId)
    {
        foreach (var key in definitions.Keys.Where(k => k.Id == definitionId)) definitions.TryRemove(key, out _);
    }

    private async Task<DefinitionRecord> FindDefinitionAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (definitions.TryGetValue((definitionId, version), out var hit) && hit.ExpiresAt > now) return hit.Record;
        var record = await Definitions.FindAsync(definitionId, version, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            var exists = version is null && (await Definitions.ListVersionsAsync(definitionId, cancellationToken).ConfigureAwait(false)).Count > 0;
            throw new DefinitionNotFoundException(definitionId, version, exists);
        }
        definitions[(definitionId, version)] = (record, now + (long)Options.DefinitionCacheDuration.TotalMilliseconds);
        return record;
    }

    /// <summary>Tells the dispatcher there is work now (a start, a signal).</summary>
    public void Wake() => Volatile.Read(ref wake).TrySetResult();

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string? PayloadJson(object? payload) =>
        payload is null ? null : JsonSerializer.Serialize(PlainValue.From(payload), PlainValueJsonConverter.Options);

    private void Settle(string instanceId)
    {
        if (settled.TryRemove(instanceId, out var signal)) signal.TrySetResult();
    }
}
