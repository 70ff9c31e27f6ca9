using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>
/// Everything a worker writes at a commit point, in one transaction, and only while it still holds the lease:
/// the state, the bookmarks (replacing the old ones), timer items for them, the journal lines, and which work
/// items it consumed. <see cref="Continue"/> queues a continue item (the instance still has work).
/// </summary>
public sealed record InstanceCommit(
    string InstanceId,
    string? CorrelationId,
    string LeaseOwner,
    string StateJson,
    WorkflowStatus Status,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    int IncidentCount,
    IReadOnlyList<StoredBookmark> Bookmarks,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<long> ConsumedItems,
    bool Continue,
    bool ReleaseLease,
    string NodeId);
