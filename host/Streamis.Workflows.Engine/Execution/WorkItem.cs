using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

public enum WorkKind
{
    Execute,
    Resume,
    ChildCompleted,
    ChildFaulted,
}

/// <summary>
/// One step for the interpreter: run, resume, or tell a composite about a child. A struct: every step of every run
/// queues two, and they live only in the queue and the state's list.
/// </summary>
public readonly record struct WorkItem(WorkKind Kind, int FrameId)
{
    // The fields most items leave empty share one object, so that the struct every queue slot holds and every queue
    // operation copies stays at five words: a plain Execute or ChildCompleted carries none of them. Always copied, never
    // changed in place: items made with "with" share the object of the item they were made from.
    private readonly Rare? rare;

    public int? ChildFrameId { get; init; }

    public string? ChildActivityId { get; init; }

    public string? Outcome { get; init; }

    public object? Tag
    {
        get => rare?.Tag;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { Tag = value } : null;
    }

    public Dictionary<string, object?>? Locals
    {
        get => rare?.Locals;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { Locals = value } : null;
    }

    public Dictionary<string, object?>? WorkflowOutputs
    {
        get => rare?.WorkflowOutputs;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { WorkflowOutputs = value } : null;
    }

    public ActivityError? Error
    {
        get => rare?.Error;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { Error = value } : null;
    }

    public string? BookmarkId
    {
        get => rare?.BookmarkId;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { BookmarkId = value } : null;
    }

    public string? BookmarkName
    {
        get => rare?.BookmarkName;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { BookmarkName = value } : null;
    }

    public string? BookmarkKey
    {
        get => rare?.BookmarkKey;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { BookmarkKey = value } : null;
    }

    public object? Payload
    {
        get => rare?.Payload;
        init => rare = Needed(value) ? (rare ?? Rare.None) with { Payload = value } : null;
    }

    // Whether an item needs the object: once it has one, a null is stored there too, to clear what was set.
    private bool Needed(object? value) => value is not null || rare is not null;

    private sealed record Rare(
        object? Tag, Dictionary<string, object?>? Locals, Dictionary<string, object?>? WorkflowOutputs, ActivityError? Error,
        string? BookmarkId, string? BookmarkName, string? BookmarkKey, object? Payload)
    {
        public static readonly Rare None = new(null, null, null, null, null, null, null, null);
    }
}
