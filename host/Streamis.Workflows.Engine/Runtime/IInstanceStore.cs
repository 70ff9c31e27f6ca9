using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Engine.Runtime;

/// <summary>
/// Instances, their bookmarks and journals, and the durable work queue. Ownership of an instance is a lease in
/// the database (owner + expiry), so at most one worker anywhere runs it, and a dead node's instances are taken
/// over once its leases expire.
/// </summary>
public interface IInstanceStore
{
    /// <summary>
    /// Stores a new instance in one transaction with everything <paramref name="content"/> holds: state, bookmarks,
    /// timer items, journal, and a continue item when it still has work.
    /// </summary>
    Task CreateAsync(InstanceState state, InstanceCommit content, CancellationToken cancellationToken);

    /// <summary>Ids of instances with work due and no live lease, oldest due first.</summary>
    Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset now, int max, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken);

    /// <summary>When the next queued item falls due, if any.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lease if it is free or expired. Atomic across nodes.</summary>
    Task<bool> TryLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held; false when another owner has taken it. Also says whether a cancel is waiting.</summary>
    Task<(bool Held, bool CancelRequested)> RenewLeaseAsync(string instanceId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<LoadedInstance?> LoadAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Writes a commit point; false (and nothing written) when the lease was lost meanwhile.</summary>
    Task<bool> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken);

    /// <summary>Faults an instance whose stored state cannot be continued, consuming its due items.</summary>
    Task MarkBrokenAsync(string instanceId, string owner, string message, DateTimeOffset now, IReadOnlyList<long> consumedItems, CancellationToken cancellationToken);

    /// <summary>Queues a resume for each bookmark found; a bookmark already resumed or gone is not resumed again.</summary>
    Task<SignalResult> ResumeAsync(string? instanceId, string? bookmarkId, string? hash, string? correlationId, string? payloadJson, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Queues a control item (Cancel, Retry, Continue) due now. False for an unknown instance.</summary>
    Task<bool> EnqueueAsync(string instanceId, string kind, DateTimeOffset now, CancellationToken cancellationToken);

    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    Task<InstanceSummary?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Whether work is queued for the instance and due by <paramref name="now"/>.</summary>
    Task<bool> HasDueWorkAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<string?> GetStateAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Running instances with no work due and no live lease get a continue item again (belt and braces).</summary>
    Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes finished instances (completed, cancelled, and faulted when asked) older than the cut-off, with their journals.</summary>
    Task<int> PruneAsync(DateTimeOffset finishedBefore, bool includeFaulted, CancellationToken cancellationToken);
}
