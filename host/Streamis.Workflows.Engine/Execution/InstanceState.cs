using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// Everything needed to continue a workflow instance, as plain data: no CLR stack or Task survives a
/// suspension. Serialise it with <see cref="InstanceStateSerializer"/>.
/// </summary>
public sealed class InstanceState
{
    public string InstanceId { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public string? CorrelationId { get; set; }

    public WorkflowStatus Status { get; set; }

    public Dictionary<string, object?> Input { get; set; } = [];

    public Dictionary<string, object?> Output { get; set; } = [];

    /// <summary>Scope 0 is the workflow itself; RunWorkflow adds a scope per child workflow.</summary>
    public Dictionary<int, ScopeState> Scopes { get; set; } = [];

    public Dictionary<int, FrameState> Frames { get; set; } = [];

    /// <summary>Work not yet done, in order. Work in flight when the state was taken is included, to be run again.</summary>
    public List<WorkItem> Queue { get; set; } = [];

    public List<BookmarkState> Bookmarks { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];

    public int NextFrameId { get; set; } = 1;

    public int NextScopeId { get; set; } = 1;

    public long JournalSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled;
}
