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
    public int? ChildFrameId { get; init; }

    public string? ChildActivityId { get; init; }

    public string? Outcome { get; init; }

    public object? Tag { get; init; }

    public Dictionary<string, object?>? Locals { get; init; }

    public Dictionary<string, object?>? WorkflowOutputs { get; init; }

    public ActivityError? Error { get; init; }

    public string? BookmarkId { get; init; }

    public string? BookmarkName { get; init; }

    public string? BookmarkKey { get; init; }

    public object? Payload { get; init; }
}
