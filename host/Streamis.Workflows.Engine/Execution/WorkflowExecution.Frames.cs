using System.Runtime.InteropServices;
using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Expressions;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>Frame life cycle: schedule, complete, fault (with retries), cancel.</summary>
internal sealed partial class WorkflowExecution
{
    public FrameState ScheduleChild(FrameState parent, GraphNode child, object? tag, IReadOnlyDictionary<string, object?>? locals, int? scopeId = null)
    {
        FrameState frame;
        if (spareFrame is { } spare)
        {
            spare.Reset();
            frame = spare;
            spareFrame = null;
        }
        else frame = new FrameState();
        frame.Id = State.NextFrameId++;
        frame.ParentId = parent.Id;
        frame.ScopeId = scopeId ?? parent.ScopeId;
        frame.ActivityId = child.Activity.Id;
        frame.Tag = PlainValue.From(tag);
        frame.Node = child;
        frame.NodeGraphs = graphs;
        if (locals is not null)
        {
            // A frame with its own locals (a loop iteration) also keeps its activities' outputs to itself.
            frame.Locals = (Dictionary<string, object?>)PlainValue.From(locals)!;
            frame.Outputs = [];
            anyFrameLocals = true;
        }
        State.Frames[frame.Id] = frame;
        parent.ActiveChildren++;
        queue.AddLast(new WorkItem(WorkKind.Execute, frame.Id));
        return frame;
    }

    /// <summary>Starts a child workflow inside this instance, in a scope of its own (RunWorkflow).</summary>
    public void ScheduleWorkflow(FrameState owner, WorkflowGraph graph, Dictionary<string, object?> input)
    {
        var depth = 1;
        for (var scope = State.Scopes[owner.ScopeId]; scope.OwnerFrameId is { } ownerId; scope = State.Scopes[State.Frames[ownerId].ScopeId]) depth++;
        if (depth >= runner.Options.MaxWorkflowDepth)
            throw new InvalidOperationException($"child workflows are nested more than {runner.Options.MaxWorkflowDepth} deep (does \"{graph.Definition.Id}\" run itself?)");
        var scopeState = NewScope(State, graph, input, owner.Id);
        graphs[scopeState.Id] = graph;
        var root = ScheduleChild(owner, graph.Root, null, null, scopeState.Id);
        scopeState.RootFrameId = root.Id;
    }

    // Beyond this many, a definition's activities rarely all run in one instance; the collections grow as needed.
    private const int ExpectedActivitiesCap = 32;

    public static ScopeState NewScope(InstanceState state, WorkflowGraph graph, Dictionary<string, object?> input, int? ownerFrameId)
    {
        var scope = new ScopeState
        {
            Id = ownerFrameId is null ? 0 : state.NextScopeId++,
            DefinitionId = graph.Definition.Id,
            DefinitionVersion = graph.Definition.Version,
            OwnerFrameId = ownerFrameId,
            Input = input,
        };
        // Sized for the usual run, where each activity sets outputs once: growing a dictionary step by step
        // reallocates it several times per run.
        scope.Activities.EnsureCapacity(Math.Min(graph.Nodes.Count, ExpectedActivitiesCap));
        foreach (var variable in graph.Definition.Variables)
            scope.Variables[variable.Name] = variable.Default is null ? null
                : PlainValue.From(ValueConverter.ConvertOrThrow(PlainValue.FromJson(variable.Default), WorkflowCompiler.ClrTypeOf(variable.Type), variable.Name));
        state.Scopes[scope.Id] = scope;
        return scope;
    }

    private void CompleteFrame(FrameState frame, GraphNode node, string outcome)
    {
        var scope = ScopeOf(frame);
        Dictionary<string, object?>? workflowOutputs = null;
        if (scope.RootFrameId == frame.Id)
        {
            try
            {
                workflowOutputs = ComputeOutputs(scope, frame);
            }
            catch (Exception e) when (e is ExpressionException or FormatException)
            {
                FaultFrame(frame, node, new ActivityError($"workflow output of \"{scope.DefinitionId}\": {e.Message}", "WorkflowOutputError"));
                return;
            }
        }
        var now = Now();
        AppendJournal(JournalEventKind.Completed, frame, node, now, outcome: outcome);
        if (frame.ActiveChildren > 0) CancelDescendants(frame);
        RemoveBookmarks(frame.Id);
        State.Frames.Remove(frame.Id);
        if (scope.RootFrameId == frame.Id && scope.OwnerFrameId is not null) State.Scopes.Remove(scope.Id);

        if (frame.ParentId is { } parentId && State.Frames.TryGetValue(parentId, out var parent))
        {
            parent.ActiveChildren--;
            queue.AddLast(new WorkItem(WorkKind.ChildCompleted, parentId)
            {
                ChildFrameId = frame.Id,
                ChildActivityId = frame.ActivityId,
                Outcome = outcome,
                Tag = frame.Tag,
                Locals = MergeLocals(frame),
                WorkflowOutputs = scope.OwnerFrameId is not null ? workflowOutputs : null,
            });
        }
        else if (frame.ParentId is null)
        {
            // A workflow declaring no outputs keeps the empty dictionary the state was made with.
            if (workflowOutputs is { Count: > 0 }) State.Output = workflowOutputs;
            completed = true;
            // The end is committed anyway; a checkpoint asked for by an activity before it would only store Running.
            checkpointDue = false;
        }
        // Nothing refers to a completed frame any more (its invocation has returned, its id is never used again); the
        // next child scheduled takes it over rather than allocating. Fields are reset there: the caller still reads it.
        spareFrame = frame;
    }

    private static Dictionary<string, object?>? MergeLocals(FrameState frame)
    {
        if (frame.Locals is null) return null;
        var locals = new Dictionary<string, object?>(frame.Locals);
        if (frame.Outputs is { Count: > 0 }) locals["outputs"] = frame.Outputs;
        return locals;
    }

    private Dictionary<string, object?> ComputeOutputs(ScopeState scope, FrameState frame)
    {
        var graph = graphs[scope.Id];
        var outputs = new Dictionary<string, object?>(graph.Definition.Outputs.Count);
        foreach (var output in graph.Definition.Outputs)
        {
            var value = graph.OutputExpressions.TryGetValue(output.Name, out var expression)
                ? Expressions.Evaluate(expression, Globals(frame))
                : scope.Variables.GetValueOrDefault(output.Name);
            outputs[output.Name] = PlainValue.From(ValueConverter.ConvertOrThrow(value, WorkflowCompiler.ClrTypeOf(output.Type), $"output \"{output.Name}\""));
        }
        return outputs;
    }

    private void FaultFrame(FrameState frame, GraphNode node, ActivityError error)
    {
        if (error.ActivityId is null) error = error with { ActivityId = frame.ActivityId, ActivityType = node.Type.Name };
        var now = Now();
        if (node.Retry is { } policy && frame.Attempt < policy.MaxAttempts && (policy.RetryOn == RetryOn.All || error.IsTransient))
        {
            AppendJournal(JournalEventKind.Retrying, frame, node, now, error: error);
            CancelDescendants(frame);
            RemoveBookmarks(frame.Id);
            queue.RemoveFrame(frame.Id);
            frame.Properties = null;
            frame.Attempt++;
            frame.Status = FrameStatus.Suspended;
            var delay = policy.DelayBefore(frame.Attempt, Random.Shared.NextDouble());
            if (delay <= TimeSpan.Zero) queue.AddLast(new WorkItem(WorkKind.Execute, frame.Id));
            else CreateBookmark(frame, BookmarkState.RetryName, null, now + delay);
            return;
        }

        AppendJournal(JournalEventKind.Faulted, frame, node, now, error: error);
        frame.Status = FrameStatus.Faulted;
        frame.Error = error;
        if (frame.ParentId is { } parentId && State.Frames.TryGetValue(parentId, out var parent))
        {
            // A faulted child no longer counts as active; it stays in the state until handled, or for a retry.
            parent.ActiveChildren--;
            // Faults go first: the parent decides before sibling work moves on.
            queue.AddFirst(new WorkItem(WorkKind.ChildFaulted, parentId)
            {
                ChildFrameId = frame.Id,
                ChildActivityId = frame.ActivityId,
                Tag = frame.Tag,
                Error = error,
            });
            return;
        }

        // Nothing handled it: the instance stops as it is, so a retry can pick up at the failed activity.
        faulted = true;
        stopping = true;
        var origin = State.Frames.Values.Where(f => f.Status == FrameStatus.Faulted && f.ActivityId == error.ActivityId).Select(f => f.Id).DefaultIfEmpty(frame.Id).Max();
        State.Incidents.Add(new Incident(error.ActivityId ?? frame.ActivityId, error.ActivityType ?? node.Type.Name, origin, error.Message, error.Type, now));
        foreach (var (context, _) in inflight.Values) context.CancelInFlight(requeue: true);
    }

    /// <summary>Ends every live descendant of a frame: their queued work, bookmarks and in-flight calls.</summary>
    public void CancelDescendants(FrameState frame)
    {
        foreach (var child in State.Frames.Values.Where(f => f.ParentId == frame.Id).ToList())
            RemoveSubtree(child.Id, journal: true);
        frame.ActiveChildren = 0;
    }

    private void RemoveSubtree(int frameId, bool journal)
    {
        if (!State.Frames.TryGetValue(frameId, out var frame)) return;
        foreach (var child in State.Frames.Values.Where(f => f.ParentId == frameId).ToList())
            RemoveSubtree(child.Id, journal);
        if (journal && frame.Status != FrameStatus.Faulted)
            AppendJournal(JournalEventKind.Cancelled, frame, NodeOf(frame), Clock.GetUtcNow());
        if (inflight.TryGetValue(frameId, out var running)) running.Context.CancelInFlight(requeue: false);
        deferred?.Remove(frameId);
        queue.RemoveFrame(frameId);
        RemoveBookmarks(frameId);
        State.Frames.Remove(frameId);
        foreach (var scope in State.Scopes.Values.Where(s => s.OwnerFrameId == frameId).ToList())
        {
            State.Scopes.Remove(scope.Id);
            graphs.Remove(scope.Id);
        }
        if (frame.Status != FrameStatus.Faulted && frame.ParentId is { } parentId && State.Frames.TryGetValue(parentId, out var parent))
            parent.ActiveChildren--;
    }

    // A loop rather than RemoveAll: a predicate capturing the frame would allocate on every completion,
    // and most frames never create a bookmark.
    private void RemoveBookmarks(int frameId)
    {
        var bookmarks = State.Bookmarks;
        for (var i = bookmarks.Count - 1; i >= 0; i--)
            if (bookmarks[i].FrameId == frameId) bookmarks.RemoveAt(i);
    }

    private bool HasBookmark(int frameId)
    {
        foreach (var bookmark in State.Bookmarks)
            if (bookmark.FrameId == frameId) return true;
        return false;
    }

    public string CreateBookmark(FrameState frame, string name, string? key, DateTimeOffset? resumeAt)
    {
        var bookmark = new BookmarkState
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = name,
            Key = key,
            FrameId = frame.Id,
            ActivityId = frame.ActivityId,
            ResumeAt = resumeAt,
            CreatedAt = Clock.GetUtcNow(),
        };
        State.Bookmarks.Add(bookmark);
        return bookmark.Id;
    }

    public object? GetVariable(FrameState frame, string name)
    {
        if (FrameHoldingLocal(frame, name) is { } holder) return holder.Locals![name];
        return ScopeOf(frame).Variables.GetValueOrDefault(name);
    }

    public void SetVariable(FrameState frame, string name, object? value)
    {
        value = PlainValue.From(value);
        if (FrameHoldingLocal(frame, name) is { } holder) holder.Locals![name] = value;
        else ScopeOf(frame).Variables[name] = value;
    }

    private FrameState? FrameHoldingLocal(FrameState frame, string name)
    {
        var rootId = ScopeOf(frame).RootFrameId;
        for (FrameState? f = anyFrameLocals ? frame : null; f is not null; f = f.Id == rootId || f.ParentId is not { } p ? null : State.Frames.GetValueOrDefault(p))
            if (f.Locals?.ContainsKey(name) == true) return f;
        return null;
    }

    public void SetOutput(FrameState frame, GraphNode node, Output output, object? value)
    {
        value = PlainValue.From(value);
        var scope = ScopeOf(frame);
        Dictionary<string, object?>? target = null;
        for (FrameState? f = anyFrameLocals ? frame : null; f is not null && target is null; f = f.Id == scope.RootFrameId || f.ParentId is not { } p ? null : State.Frames.GetValueOrDefault(p))
            target = f.Outputs;
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(target ?? scope.Activities, node.Activity.Id, out _);
        if (slot is not Dictionary<string, object?> values) slot = values = [];
        values[output.Name] = value;
        if (output.Variable is { } variable) SetVariable(frame, variable, value);
    }

    /// <summary>The names an expression of this frame sees: input, vars, activities, workflow, and loop/catch locals.</summary>
    public Dictionary<string, object?> Globals(FrameState frame)
    {
        var scope = ScopeOf(frame);
        var globals = new Dictionary<string, object?>(8, StringComparer.Ordinal)
        {
            ["input"] = scope.Input,
            ["vars"] = scope.Variables,
            ["workflow"] = new Dictionary<string, object?>
            {
                ["instanceId"] = State.InstanceId,
                ["definitionId"] = scope.DefinitionId,
                ["version"] = (long)scope.DefinitionVersion,
                ["correlationId"] = State.CorrelationId,
            },
        };
        Dictionary<string, object?>? activities = null;
        List<Dictionary<string, object?>>? isolated = null;
        for (FrameState? f = anyFrameLocals ? frame : null; f is not null; f = f.Id == scope.RootFrameId || f.ParentId is not { } p ? null : State.Frames.GetValueOrDefault(p))
        {
            if (f.Locals is not null)
                foreach (var (name, value) in f.Locals) globals.TryAdd(name, value);
            if (f.Outputs is not null) (isolated ??= []).Add(f.Outputs);
        }
        if (isolated is not null)
        {
            activities = new Dictionary<string, object?>(scope.Activities);
            for (var i = isolated.Count - 1; i >= 0; i--)
                foreach (var (id, values) in isolated[i]) activities[id] = values;
        }
        globals["activities"] = activities ?? scope.Activities;
        return globals;
    }

    public void AppendJournal(JournalEventKind kind, FrameState frame, GraphNode node, DateTimeOffset now,
        string? outcome = null, ActivityError? error = null, string? message = null, LogSeverity? severity = null, object? data = null)
    {
        var timed = kind is not JournalEventKind.Log;
        double? duration = timed ? (now - frame.StartedAt).TotalMilliseconds : null;
        if (timed && Diagnostics.WorkflowMetrics.ActivityDuration.Enabled)
            Diagnostics.WorkflowMetrics.ActivityDuration.Record(duration!.Value,
                new KeyValuePair<string, object?>("activity_type", node.Type.Name), new KeyValuePair<string, object?>("result", kind.ToString()));
        Journal.Add(new JournalEntry(++State.JournalSequence, State.InstanceId, frame.ActivityId, node.Type.Name, frame.Id, kind, now,
            timed ? frame.StartedAt : null, duration, outcome, frame.Attempt,
            error?.Message, error?.Type, message, severity, data is null ? null : PlainValue.From(data)));
    }
}
