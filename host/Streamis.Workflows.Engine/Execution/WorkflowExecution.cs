using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Running;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// Runs one instance until it has nothing left to do (completed, suspended, faulted or interrupted).
/// The interpreter works off an explicit queue, so nesting depth never touches the CLR stack. Activities whose
/// work is still awaiting I/O stay "in flight" while the queue goes on with other branches; every change to
/// the state happens under <see cref="Gate"/>, so parallel branches never race on it.
/// </summary>
internal sealed partial class WorkflowExecution
{
    private readonly WorkflowRunner runner;
    private readonly Dictionary<int, WorkflowGraph> graphs;
    private readonly WorkQueue queue;
    private readonly Dictionary<int, (FrameContext Context, WorkItem Item)> inflight = [];
    // Made when first needed: most runs never defer anything.
    private Dictionary<int, List<WorkItem>>? deferred;
    private readonly int maxConcurrency;
    private Channel<Completion>? completions;
    private ExpressionScope? expressionScope;
    private bool stopping;
    private bool faulted;
    private bool completed;
    private bool cancelledByUser;
    private bool checkpointDue;

    /// <summary>
    /// A child workflow asking to commit after each activity is heard while the stored instance stays this small (in
    /// characters of JSON; a size, not a time, so a busy machine does not change what is committed). A run holding many
    /// children (a bulk operation over 1,000 jobs) would otherwise store its whole state after every step of every
    /// child; it commits every <see cref="CheckpointInterval"/> instead, and its activities are repeat-safe.
    /// </summary>
    private const int SmallState = 128 * 1024;

    private int lastCheckpointSize;
    private DateTimeOffset? nextCheckpoint;
    private int journalCheckpointed;
    private DateTimeOffset? passTime;
    private long passTick;

    // The context of the last invocation that returned synchronously, for the next one: two per step otherwise.
    private FrameContext? spareContext;

    // The last frame that completed, for the next child scheduled: one allocation per step otherwise.
    private FrameState? spareFrame;

    // Whether any frame holds locals or outputs of its own (a loop iteration): until one does, an activity's outputs and
    // an expression's names come straight from the scope, without walking up the frame's ancestors.
    private bool anyFrameLocals;

    public WorkflowExecution(WorkflowRunner runner, InstanceState state, Dictionary<int, WorkflowGraph> graphs, CancellationToken cancellation)
    {
        this.runner = runner;
        this.graphs = graphs;
        State = state;
        Cancellation = cancellation;
        queue = new WorkQueue(state.Queue);
        maxConcurrency = graphs[0].Definition.Options.MaxConcurrency ?? runner.Options.MaxConcurrency;
        Journal = new List<JournalEntry>(Math.Min(graphs[0].Nodes.Count + 1, ExpectedActivitiesCap));
        foreach (var frame in state.Frames.Values)
            anyFrameLocals |= frame.Locals is not null || frame.Outputs is not null;
    }

    public InstanceState State { get; }

    public Lock Gate { get; } = new();

    public CancellationToken Cancellation { get; }

    public List<JournalEntry> Journal { get; }

    /// <summary>
    /// Called after each completed activity when the definition asks to commit that often: the state as it
    /// stands (in-flight work counted as queued) and the journal lines written since the last call.
    /// </summary>
    public Func<CheckpointSnapshot, ValueTask>? Checkpoint { get; init; }

    /// <summary>
    /// Resume timers that come due while the run is still going (other branches awaiting I/O), and those already due
    /// when it would end. Without it a branch polling on a timer waits for every other branch to come to rest, so
    /// parallel branches move in convoys; with it a run of many branches flows like one of a single branch.
    /// </summary>
    public bool ResumeDueTimers { get; init; }

    /// <summary>With <see cref="Checkpoint"/>: how often a run that goes on (branches keep awaiting I/O) commits anyway.</summary>
    public TimeSpan? CheckpointInterval { get; init; }

    public WorkflowRunner Runner => runner;

    public TimeProvider Clock => runner.Options.Clock;

    public ExpressionScope Expressions => expressionScope ??= runner.Expressions.CreateScope();

    private readonly record struct Completion(WorkItem Item, FrameContext Context, ActivityResult Result, Exception? Error);

    public async Task RunAsync()
    {
        // A finished or faulted instance only moves through Retry or Cancel; stray work leaves it as it is.
        if (!cancelledByUser && State.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled or WorkflowStatus.Faulted) return;
        State.Status = WorkflowStatus.Running;
        nextCheckpoint = Checkpoint is not null && CheckpointInterval is { } interval ? Clock.GetUtcNow() + interval : null;
        while (true)
        {
            lock (Gate)
            {
                while (!stopping && !checkpointDue && queue.Count > 0 && inflight.Count < maxConcurrency)
                {
                    if (Cancellation.IsCancellationRequested)
                    {
                        stopping = true;
                        break;
                    }
                    Start(queue.RemoveFirst());
                }
                if (!checkpointDue && inflight.Count == 0)
                {
                    if (queue.Count == 0 && ResumeTimersDueNow()) continue;
                    break;
                }
            }
            // Time passes while the run awaits: a time read before it says nothing about what happens after.
            passTime = null;
            if (nextCheckpoint is { } checkpointAt && Clock.GetUtcNow() is var now && now >= checkpointAt)
            {
                // Only progress is worth a commit; a run that merely waited starts its interval over.
                if (Journal.Count > journalCheckpointed) checkpointDue = true;
                else nextCheckpoint = now + CheckpointInterval!.Value;
            }
            if (checkpointDue)
            {
                await CheckpointAsync().ConfigureAwait(false);
                continue;
            }
            if (await NextCompletionAsync().ConfigureAwait(false) is not { } done)
            {
                lock (Gate) ResumeTimersDueNow();
                continue;
            }
            lock (Gate)
            {
                Complete(done);
                // Whatever else has finished meanwhile goes in too, so one checkpoint covers them all rather than one each.
                while (completions!.Reader.TryRead(out var next)) Complete(next);
            }
        }
        Finish();
    }

    private void Start(WorkItem item)
    {
        if (!State.Frames.TryGetValue(item.FrameId, out var frame)) return;
        if (inflight.ContainsKey(frame.Id))
        {
            // One invocation per frame at a time: a composite's callbacks never run concurrently on its own state.
            deferred ??= [];
            if (!deferred.TryGetValue(frame.Id, out var waiting)) deferred[frame.Id] = waiting = [];
            waiting.Add(item);
            return;
        }
        var node = NodeOf(frame);
        var context = spareContext is { } spare && spare.TryRebind(frame, node) ? spare : new FrameContext(this, frame, node);
        spareContext = null;
        ValueTask<ActivityResult> pending;
        // Whatever the activity logs, now or after an await (the scope flows with it), names where it came from.
        using var scope = runner.Logger?.BeginScope(ActivityScope(frame));
        try
        {
            var activity = node.Activity;
            switch (item.Kind)
            {
                case WorkKind.Execute:
                    if (frame.Status == FrameStatus.Pending) frame.StartedAt = Now();
                    frame.Status = FrameStatus.Running;
                    pending = activity.InvokeExecuteAsync(context);
                    break;
                case WorkKind.Resume:
                    frame.Status = FrameStatus.Running;
                    pending = activity.InvokeResumeAsync(context, new Resumption(item.BookmarkId!, item.BookmarkName!, item.BookmarkKey, item.Payload));
                    break;
                case WorkKind.ChildCompleted:
                    pending = activity.InvokeChildCompletedAsync(context, new ChildCompletion(item.ChildActivityId!, item.Outcome!, item.Tag, item.Locals, item.WorkflowOutputs));
                    break;
                default:
                    pending = activity.InvokeChildFaultedAsync(context, new ChildFault(item.ChildActivityId!, item.Error!, item.Tag));
                    break;
            }
        }
        catch (Exception e)
        {
            Apply(item, context, ActivityResult.Fault(ErrorOf(e)));
            return;
        }
        if (pending.IsCompleted)
        {
            ActivityResult result;
            try
            {
                result = pending.Result;
            }
            catch (Exception e)
            {
                result = ActivityResult.Fault(ErrorOf(e));
            }
            Apply(item, context, result);
            spareContext = context;
            return;
        }
        inflight[frame.Id] = (context, item);
        completions ??= Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
        _ = TrackAsync(pending, item, context);
    }

    private KeyValuePair<string, object>[] ActivityScope(FrameState frame) =>
    [
        new("InstanceId", State.InstanceId),
        new("DefinitionId", State.DefinitionId),
        new("ActivityId", frame.ActivityId),
    ];

    private void Complete(Completion done)
    {
        inflight.Remove(done.Item.FrameId);
        ReleaseDeferred(done.Item.FrameId);
        if (done.Error is OperationCanceledException && (stopping || Cancellation.IsCancellationRequested || done.Context.IsCancelled))
        {
            // Interrupted, not failed: the work runs again when the instance continues.
            if (State.Frames.ContainsKey(done.Item.FrameId) && !done.Context.IsCancelled) queue.AddFirst(done.Item);
            return;
        }
        ApplyLate(done.Item, done.Context, done.Error is null ? done.Result : ActivityResult.Fault(ErrorOf(done.Error)));
    }

    /// <summary>
    /// The next activity that finished, or null when a timer (with <see cref="ResumeDueTimers"/>) or the next
    /// checkpoint came due first.
    /// </summary>
    private async ValueTask<Completion?> NextCompletionAsync()
    {
        var reader = completions!.Reader;
        DateTimeOffset? due;
        lock (Gate) due = stopping || Cancellation.IsCancellationRequested ? null : NextTimer();
        if (nextCheckpoint is { } checkpointAt && (due is null || checkpointAt < due)) due = checkpointAt;
        if (due is null) return await reader.ReadAsync().ConfigureAwait(false);
        while (true)
        {
            if (reader.TryRead(out var ready)) return ready;
            // Rounded up: Task.Delay drops fractions of a millisecond and would wake just short of the due time.
            var wait = TimeSpan.FromMilliseconds(Math.Ceiling((due.Value - Clock.GetUtcNow()).TotalMilliseconds));
            if (wait <= TimeSpan.Zero) return null;
            using var cleanup = new CancellationTokenSource();
            var arrived = reader.WaitToReadAsync(cleanup.Token).AsTask();
            var timer = Task.Delay(wait, Clock, cleanup.Token);
            var first = await Task.WhenAny(arrived, timer).ConfigureAwait(false);
            await cleanup.CancelAsync().ConfigureAwait(false);
            if (first == timer) return null;
        }
    }

    private DateTimeOffset? NextTimer()
    {
        if (!ResumeDueTimers || faulted || completed) return null;
        DateTimeOffset? next = null;
        foreach (var bookmark in State.Bookmarks)
            if (bookmark.ResumeAt is { } at && (next is null || at < next)) next = at;
        return next;
    }

    /// <summary>Resumes the timers that are due; true when there were any.</summary>
    private bool ResumeTimersDueNow()
    {
        if (!ResumeDueTimers || stopping || faulted || completed || State.Bookmarks.Count == 0 || Cancellation.IsCancellationRequested) return false;
        var now = Clock.GetUtcNow();
        List<BookmarkState>? due = null;
        foreach (var bookmark in State.Bookmarks)
            if (bookmark.ResumeAt <= now) (due ??= []).Add(bookmark);
        if (due is null) return false;
        foreach (var bookmark in due) Resume(bookmark, null);
        return true;
    }

    private async Task TrackAsync(ValueTask<ActivityResult> pending, WorkItem item, FrameContext context)
    {
        ActivityResult result = default;
        Exception? error = null;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }
        completions!.Writer.TryWrite(new Completion(item, context, result, error));
    }

    private void ReleaseDeferred(int frameId)
    {
        if (deferred is null || !deferred.Remove(frameId, out var items)) return;
        for (var i = items.Count - 1; i >= 0; i--) queue.AddFirst(items[i]);
    }

    /// <summary>
    /// The result of an activity that went on after its call returned: its frame may have been removed, or the call
    /// cancelled, meanwhile. One that returned at once cannot have been, and goes straight to <see cref="Apply"/>.
    /// </summary>
    private void ApplyLate(WorkItem item, FrameContext context, ActivityResult result)
    {
        if (!State.Frames.ContainsKey(context.Frame.Id) || context.IsCancelled) return;
        Apply(item, context, result);
    }

    private void Apply(WorkItem item, FrameContext context, ActivityResult result)
    {
        var frame = context.Frame;
        if (item.Kind == WorkKind.ChildFaulted && result.Kind != ActivityResultKind.Faulted && item.ChildFrameId is { } faultedChild)
            RemoveSubtree(faultedChild, journal: false);

        switch (result.Kind)
        {
            case ActivityResultKind.Completed:
                CompleteFrame(frame, context.Node, result.OutcomeName ?? ActivityResult.DoneOutcome);
                // Set, never cleared here: completions applied together must not undo each other's request.
                if (Checkpoint is not null && !completed && GraphOf(frame.ScopeId).Definition.Options.CommitEachActivity
                    && (frame.ScopeId == 0 || lastCheckpointSize < SmallState)) checkpointDue = true;
                break;
            case ActivityResultKind.Waiting:
                var hasBookmark = HasBookmark(frame.Id);
                if (!hasBookmark && frame.ActiveChildren == 0 && !IsQueued(frame.Id))
                {
                    FaultFrame(frame, context.Node, new ActivityError(
                        $"{context.Node.Type.Name} \"{frame.ActivityId}\" returned Wait without a bookmark or a child to wait for", "ActivityContractViolation"));
                    break;
                }
                frame.Status = hasBookmark ? FrameStatus.Suspended : FrameStatus.Waiting;
                break;
            default:
                FaultFrame(frame, context.Node, result.Error ?? new ActivityError("the activity faulted", "ActivityFault"));
                break;
        }
        // UpdatedAt is stamped where the state leaves this run (checkpoint, end), not on every step.
    }

    /// <summary>
    /// Children of a frame that have ended but whose completion or fault is still queued for it. They count as active
    /// until delivered; otherwise a composite would finish on the first of several children that ended together and
    /// drop the others' results.
    /// </summary>
    public int UndeliveredChildResults(int frameId)
    {
        var count = 0;
        for (var i = 0; i < queue.Count; i++)
            if (queue[i] is { Kind: WorkKind.ChildCompleted or WorkKind.ChildFaulted } item && item.FrameId == frameId) count++;
        if (deferred is not null && deferred.TryGetValue(frameId, out var waiting))
            count += waiting.Count(item => item.Kind is WorkKind.ChildCompleted or WorkKind.ChildFaulted);
        return count;
    }

    private bool IsQueued(int frameId)
    {
        for (var i = 0; i < queue.Count; i++)
            if (queue[i].FrameId == frameId) return true;
        return deferred?.ContainsKey(frameId) == true;
    }

    private async Task CheckpointAsync()
    {
        CheckpointSnapshot snapshot;
        lock (Gate)
        {
            checkpointDue = false;
            State.UpdatedAt = Clock.GetUtcNow();
            if (CheckpointInterval is { } interval) nextCheckpoint = State.UpdatedAt + interval;
            SyncQueue();
            var status = State.Status;
            State.Status = WorkflowStatus.Running;
            var json = InstanceStateSerializer.Serialize(State);
            lastCheckpointSize = json.Length;
            State.Status = status;
            snapshot = new CheckpointSnapshot(State.InstanceId, State.CorrelationId, json, State.UpdatedAt, State.Incidents.Count, [.. State.Bookmarks],
                Journal.GetRange(journalCheckpointed, Journal.Count - journalCheckpointed));
            journalCheckpointed = Journal.Count;
        }
        await Checkpoint!(snapshot).ConfigureAwait(false);
    }

    /// <summary>Journal lines not yet handed to a checkpoint.</summary>
    public IReadOnlyList<JournalEntry> UncheckpointedJournal => Journal.GetRange(journalCheckpointed, Journal.Count - journalCheckpointed);

    // Work in flight or deferred is part of the queue a later run continues with.
    private void SyncQueue()
    {
        // The state's own list is refilled: it was copied into the work queue when this run began.
        var items = State.Queue;
        items.Clear();
        foreach (var (_, item) in inflight.Values) items.Add(item);
        queue.CopyTo(items);
        if (deferred is not null)
            foreach (var waiting in deferred.Values) items.AddRange(waiting);
    }

    private void Finish()
    {
        var now = Now();
        State.UpdatedAt = now;
        SyncQueue();
        if (cancelledByUser) State.Status = WorkflowStatus.Cancelled;
        else if (faulted) State.Status = WorkflowStatus.Faulted;
        else if (completed) State.Status = WorkflowStatus.Completed;
        else if (State.Queue.Count > 0) State.Status = WorkflowStatus.Running;
        else if (State.Bookmarks.Count > 0) State.Status = WorkflowStatus.Suspended;
        else
        {
            // Frames remain but nothing can move them: say so instead of leaving the instance to hang.
            var stuck = State.Frames.Values.OrderBy(f => f.Id).FirstOrDefault();
            State.Status = WorkflowStatus.Faulted;
            State.Incidents.Add(new Incident(stuck?.ActivityId ?? "", "", stuck?.Id ?? 0,
                "the workflow stalled: activities are waiting but nothing can resume them", "WorkflowStalled", now));
        }
        if (State.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled) State.FinishedAt = now;
    }

    /// <summary>
    /// The time now, for an activity's start or end and the run's end. Within one pass of activities that return at once
    /// the system clock is read again only when the coarse tick count (a few milliseconds) has moved: such a pass moves by
    /// microseconds, and a clock read costs as much as a trivial activity. Any other clock (a test's) is read every time:
    /// it may jump by any amount between two ticks.
    /// </summary>
    private DateTimeOffset Now()
    {
        if (Clock != TimeProvider.System) return Clock.GetUtcNow();
        var tick = Environment.TickCount64;
        if (passTime is not { } time || tick != passTick)
        {
            time = Clock.GetUtcNow();
            passTime = time;
            passTick = tick;
        }
        return time;
    }

    internal GraphNode NodeOf(FrameState frame)
    {
        if (frame.NodeGraphs == graphs) return frame.Node!;
        var node = graphs[frame.ScopeId].Nodes[frame.ActivityId];
        frame.Node = node;
        frame.NodeGraphs = graphs;
        return node;
    }

    internal WorkflowGraph GraphOf(int scopeId) => graphs[scopeId];

    /// <summary>The frame's scope, looked up once per frame and state: every step needs it twice.</summary>
    internal ScopeState ScopeOf(FrameState frame)
    {
        if (frame.Scope is { } scope && frame.ScopeOfState == State) return scope;
        scope = State.Scopes[frame.ScopeId];
        frame.Scope = scope;
        frame.ScopeOfState = State;
        return scope;
    }

    internal ActivityError ErrorOf(Exception e) => e switch
    {
        ExpressionException or ActivityInputException => new ActivityError(e.Message, e.GetType().Name),
        _ => ActivityError.From(e),
    };
}
