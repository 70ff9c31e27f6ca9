namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// An instance as a checkpoint stores it while its run goes on: the state serialised once, under the run's lock, with
/// the few fields a commit needs beside it, and the journal lines written since the last checkpoint.
/// </summary>
internal sealed record CheckpointSnapshot(
    string InstanceId,
    string? CorrelationId,
    string StateJson,
    DateTimeOffset UpdatedAt,
    int IncidentCount,
    IReadOnlyList<BookmarkState> Bookmarks,
    IReadOnlyList<JournalEntry> Journal);
