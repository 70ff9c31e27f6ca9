using System.Text.Json;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>The dispatcher (finds due work, takes leases) and the worker (runs one instance and commits it).</summary>
public sealed partial class WorkflowRuntime
{
    private async Task DispatchLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // Re-arm before looking for work, so a wake during the look is not lost.
            var signal = Volatile.Read(ref wake);
            if (signal.Task.IsCompleted) Interlocked.CompareExchange(ref wake, NewWake(), signal);
            signal = Volatile.Read(ref wake);
            var wait = Options.MaxPollInterval;
            try
            {
                var free = Options.Workers - running.Count;
                if (free > 0)
                {
                    var now = Clock.GetUtcNow();
                    var due = await Instances.FindDueAsync(now, free * 2, running.Keys.ToList(), stop).ConfigureAwait(false);
                    Diagnostics.WorkflowMetrics.ObserveQueue(due.Count, running.Count);
                    foreach (var id in due)
                    {
                        if (running.Count >= Options.Workers) break;
                        if (running.ContainsKey(id)) continue;
                        if (!await Instances.TryLeaseAsync(id, Options.NodeId, now, now + Options.LeaseDuration, stop).ConfigureAwait(false)) continue;
                        running[id] = Task.Run(() => WorkAsync(id, stop), CancellationToken.None);
                    }
                    // More due than taken: look again as soon as a worker frees up.
                    if (due.Count > 0 && running.Count < Options.Workers) continue;
                }
                if (await Instances.NextDueAsync(stop).ConfigureAwait(false) is { } next)
                {
                    var untilDue = next - Clock.GetUtcNow();
                    if (untilDue < wait) wait = untilDue < TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : untilDue;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; keep trying rather than stop dispatching.
                logger.LogError(e, "Dispatcher of node {NodeId} failed to read the work queue", Options.NodeId);
                wait = Options.MaxPollInterval;
            }
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = Task.Delay(wait, Clock, sleep.Token);
            await Task.WhenAny(signal.Task, delay).ConfigureAwait(false);
            await sleep.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(string instanceId, CancellationToken stop)
    {
        try
        {
            await RunInstanceAsync(instanceId, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            logger.LogError(e, "Worker failed on instance {InstanceId}; it will be taken up again when its lease expires", instanceId);
        }
        finally
        {
            running.TryRemove(instanceId, out _);
            Settle(instanceId);
            Wake();
        }
    }

    private async Task RunInstanceAsync(string instanceId, CancellationToken stop)
    {
        using var burst = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var lost = false;
        using var renewing = new CancellationTokenSource();
        var renewal = RenewLoopAsync(instanceId, burst, () => lost = true, renewing.Token);
        try
        {
            var loaded = await Instances.LoadAsync(instanceId, Clock.GetUtcNow(), stop).ConfigureAwait(false);
            if (loaded is null) return;
            var consumed = loaded.Items.Select(i => i.Id).ToList();

            InstanceState state;
            try
            {
                state = InstanceStateSerializer.Deserialize(loaded.StateJson);
                if (state.InstanceId != instanceId) throw new InvalidStateException($"the stored state belongs to instance {state.InstanceId}");
            }
            catch (InvalidStateException e)
            {
                await BreakAsync(instanceId, e.Message, consumed).ConfigureAwait(false);
                return;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["InstanceId"] = instanceId, ["DefinitionId"] = state.DefinitionId });
            var before = state.Status;
            RunResult result;
            try
            {
                result = await Runner.RunBurstAsync(state, e => Apply(e, loaded.Items), burstOptions,
                    async snapshot =>
                    {
                        if (lost) return;
                        var committed = await Instances.CommitAsync(CommitOf(snapshot, consumed), CancellationToken.None).ConfigureAwait(false);
                        if (!committed) Lose(burst, () => lost = true);
                        else consumed = [];
                    }, burst.Token).ConfigureAwait(false);
            }
            catch (InvalidStateException e)
            {
                await BreakAsync(instanceId, e.Message, consumed).ConfigureAwait(false);
                return;
            }
            catch (JsonException e) when (!lost)
            {
                // A checkpoint could not serialise the state. Running again would end the same way: stop here.
                await BreakAsync(instanceId, Unstorable(e), consumed).ConfigureAwait(false);
                return;
            }

            if (lost) return;
            InstanceCommit commit;
            try
            {
                commit = CommitOf(state, result.Journal, consumed, @continue: state.Status == WorkflowStatus.Running, release: true);
            }
            catch (JsonException e)
            {
                await BreakAsync(instanceId, Unstorable(e), consumed).ConfigureAwait(false);
                return;
            }
            var done = await Instances.CommitAsync(commit, CancellationToken.None).ConfigureAwait(false);
            if (!done)
            {
                logger.LogWarning("Instance {InstanceId} was taken over by another node before it could commit; that node carries on", instanceId);
                return;
            }
            Diagnostics.WorkflowMetrics.Ended(state.DefinitionId, before, state.Status);
            if (state.Status == WorkflowStatus.Faulted && before != WorkflowStatus.Faulted)
                logger.LogWarning("Instance {InstanceId} faulted: {Incident}", instanceId, state.Incidents.LastOrDefault()?.Message);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    /// <summary>Why a state (e.g. holding a value nested deeper than JSON allows) could not be stored.</summary>
    private static string Unstorable(JsonException e) =>
        $"the instance state cannot be stored: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}";

    private static void Lose(CancellationTokenSource burst, Action markLost)
    {
        markLost();
        burst.Cancel();
    }

    private async Task RenewLoopAsync(string instanceId, CancellationTokenSource burst, Action markLost, CancellationToken done)
    {
        var period = Options.LeaseDuration / 3;
        while (!done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, Clock, done).ConfigureAwait(false);
                var (held, cancelRequested) = await Instances.RenewLeaseAsync(instanceId, Options.NodeId, Clock.GetUtcNow() + Options.LeaseDuration, done).ConfigureAwait(false);
                if (!held)
                {
                    logger.LogWarning("Lease of instance {InstanceId} was lost; stopping its run without committing", instanceId);
                    Lose(burst, markLost);
                    return;
                }
                // A cancel waits in the queue: interrupt this run so the next one applies it.
                if (cancelRequested) await burst.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not renew the lease of instance {InstanceId}; will try again", instanceId);
            }
        }
    }

    private static void Apply(WorkflowExecution execution, IReadOnlyList<StoredWorkItem> items)
    {
        var state = execution.State;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case WorkKindNames.Resume or WorkKindNames.Timer:
                    if (state.Bookmarks.FirstOrDefault(b => b.Id == item.BookmarkId) is { } bookmark)
                        execution.Resume(bookmark, Payload(item.PayloadJson));
                    break;
                case WorkKindNames.Cancel:
                    if (!state.IsFinished) execution.CancelAll();
                    break;
                case WorkKindNames.Retry:
                    if (state.Status == WorkflowStatus.Faulted) execution.RetryFaulted();
                    break;
            }
        }
    }

    private static object? Payload(string? json)
    {
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        return PlainValue.FromJson(document.RootElement);
    }

    private InstanceCommit CommitOf(InstanceState state, IReadOnlyList<JournalEntry> journal, IReadOnlyList<long> consumed, bool @continue, bool release) =>
        new(state.InstanceId, state.CorrelationId, Options.NodeId, InstanceStateSerializer.Serialize(state), state.Status, state.UpdatedAt, state.FinishedAt,
            state.Incidents.Count, Stored(state.Bookmarks), journal, consumed, @continue, release, Options.NodeId);

    /// <summary>A checkpoint: the instance goes on running here, with its lease kept.</summary>
    private InstanceCommit CommitOf(CheckpointSnapshot snapshot, IReadOnlyList<long> consumed) =>
        new(snapshot.InstanceId, snapshot.CorrelationId, Options.NodeId, snapshot.StateJson, WorkflowStatus.Running, snapshot.UpdatedAt, null,
            snapshot.IncidentCount, Stored(snapshot.Bookmarks), snapshot.Journal, consumed, Continue: true, ReleaseLease: false, Options.NodeId);

    private static List<StoredBookmark> Stored(IEnumerable<BookmarkState> bookmarks) =>
        bookmarks.Select(b => new StoredBookmark(b.Id, b.Name, b.Key, BookmarkHash.Of(b.Name, b.Key), b.ActivityId, b.ResumeAt, b.CreatedAt)).ToList();

    private async Task BreakAsync(string instanceId, string message, IReadOnlyList<long> consumed)
    {
        logger.LogError("Instance {InstanceId} cannot be continued: {Reason}", instanceId, message);
        await Instances.MarkBrokenAsync(instanceId, Options.NodeId, message, Clock.GetUtcNow(), consumed, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task MaintenanceLoopAsync(CancellationToken stop)
    {
        var nextPrune = Clock.GetUtcNow();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var now = Clock.GetUtcNow();
                if (await Instances.RecoverAsync(now, stop).ConfigureAwait(false) is > 0 and var recovered)
                {
                    logger.LogWarning("Re-queued {Count} running instances that had no queued work", recovered);
                    Wake();
                }
                if (Options.Retention is { } retention && now >= nextPrune)
                {
                    var pruned = await Instances.PruneAsync(now - retention, Options.PruneFaulted, stop).ConfigureAwait(false);
                    if (pruned > 0) logger.LogInformation("Pruned {Count} finished instances older than {Retention}", pruned, retention);
                    nextPrune = now + TimeSpan.FromTicks(Math.Max(retention.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
                }
                await Task.Delay(Options.RecoveryInterval, Clock, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Recovery sweep failed; will try again");
                try
                {
                    await Task.Delay(Options.RecoveryInterval, Clock, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
