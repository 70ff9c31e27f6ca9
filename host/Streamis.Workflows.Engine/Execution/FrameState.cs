using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

public enum FrameStatus
{
    Pending,
    Running,

    /// <summary>Waiting for its children.</summary>
    Waiting,

    /// <summary>Waiting for a bookmark.</summary>
    Suspended,
    Faulted,
}

/// <summary>One live execution of an activity. Removed when the activity completes.</summary>
public sealed class FrameState
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public int ScopeId { get; set; }

    public string ActivityId { get; set; } = "";

    public FrameStatus Status { get; set; }

    public int Attempt { get; set; } = 1;

    public int ActiveChildren { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public object? Tag { get; set; }

    /// <summary>The activity's own bookkeeping (a Sequence's position, a loop's counters...).</summary>
    public Dictionary<string, object?>? Properties { get; set; }

    /// <summary>Names visible to expressions below this frame (a loop's <c>item</c> and <c>index</c>, a catch's <c>error</c>).</summary>
    public Dictionary<string, object?>? Locals { get; set; }

    /// <summary>Outputs of activities run below this frame, kept apart from other loop iterations running alongside.</summary>
    public Dictionary<string, object?>? Outputs { get; set; }

    public ActivityError? Error { get; set; }

    /// <summary>Back to a new frame's values, for a completed frame taken over by the next one scheduled.</summary>
    internal void Reset()
    {
        Id = 0;
        ParentId = null;
        ScopeId = 0;
        ActivityId = "";
        Status = FrameStatus.Pending;
        Attempt = 1;
        ActiveChildren = 0;
        StartedAt = default;
        Tag = null;
        Properties = null;
        Locals = null;
        Outputs = null;
        Error = null;
        Node = null;
        NodeGraphs = null;
        Scope = null;
        ScopeOfState = null;
    }

    // The frame's node in the graphs of the run that looked it up last (not state: a state may continue under other
    // graphs). Every invocation needs it, and finding it costs two dictionary lookups, one by string.
    internal GraphNode? Node;
    internal object? NodeGraphs;

    // Its scope in the state that looked it up last (not state either, for the same reason).
    internal ScopeState? Scope;
    internal InstanceState? ScopeOfState;
}
