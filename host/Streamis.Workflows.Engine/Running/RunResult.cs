using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Engine.Running;

/// <summary>Where an instance stands after a run, and the journal entries that run wrote.</summary>
public sealed record RunResult(InstanceState State, IReadOnlyList<JournalEntry> Journal)
{
    public WorkflowStatus Status => State.Status;

    public IReadOnlyDictionary<string, object?> Outputs => State.Output;

    public IReadOnlyList<BookmarkState> Bookmarks => State.Bookmarks;

    public IReadOnlyList<Incident> Incidents => State.Incidents;
}
