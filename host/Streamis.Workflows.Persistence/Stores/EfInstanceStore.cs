using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Persistence.Entities;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Persistence.Stores;

public sealed class EfInstanceStore(WorkflowDatabase database) : IInstanceStore
{
    public Task CreateAsync(InstanceState state, InstanceCommit content, CancellationToken cancellationToken) =>
        DeadlockRetry.RunAsync(async () =>
        {
            await CreateOnceAsync(state, content, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private async Task CreateOnceAsync(InstanceState state, InstanceCommit content, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var (status, subStatus) = InstanceStatuses.Of(content.Status);
        try
        {
            await SqlRows.InsertAsync(connection, transaction, database, "wf_instances", InstanceColumns,
            [
                [
                    state.InstanceId, state.DefinitionId, state.DefinitionVersion, status, subStatus, state.CorrelationId, null,
                    UnixTime.Ms(state.CreatedAt), UnixTime.Ms(content.UpdatedAt), content.FinishedAt is { } f ? UnixTime.Ms(f) : null,
                    content.IncidentCount, content.StateJson,
                ],
            ], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            throw new InvalidOperationException($"an instance with id \"{state.InstanceId}\" already exists");
        }
        await WriteChildrenAsync(connection, transaction, content, pending: [], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset now, int max, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var nowMs = UnixTime.Ms(now);
        var due = await (from w in db.WorkItems
                         where w.DueAt <= nowMs
                         join i in db.Instances on w.InstanceId equals i.Id
                         where i.LeaseOwner == null || i.LeaseExpiresAt < nowMs
                         orderby w.DueAt
                         select w.InstanceId)
            .Take(max * 4 + exclude.Count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return due.Distinct().Where(id => !exclude.Contains(id)).Take(max).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var next = await db.WorkItems.MinAsync(w => (long?)w.DueAt, cancellationToken).ConfigureAwait(false);
        return UnixTime.At(next);
    }

    public async Task<bool> TryLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var nowMs = UnixTime.Ms(now);
        var expires = UnixTime.Ms(expiresAt);
        var taken = await db.Instances
            .Where(i => i.Id == instanceId && (i.LeaseOwner == null || i.LeaseExpiresAt < nowMs))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LeaseOwner, owner)
                .SetProperty(i => i.LeaseExpiresAt, expires)
                .SetProperty(i => i.SubStatus, i => i.Status == InstanceStatuses.Running ? InstanceStatuses.Executing : i.SubStatus), cancellationToken)
            .ConfigureAwait(false);
        return taken == 1;
    }

    public async Task<(bool Held, bool CancelRequested)> RenewLeaseAsync(string instanceId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var expires = UnixTime.Ms(expiresAt);
        var held = await db.Instances.Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, expires), cancellationToken).ConfigureAwait(false) == 1;
        var cancel = held && await db.WorkItems.AnyAsync(w => w.InstanceId == instanceId && w.Kind == WorkKindNames.Cancel, cancellationToken).ConfigureAwait(false);
        return (held, cancel);
    }

    public async Task<LoadedInstance?> LoadAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.DefinitionId, i.DefinitionVersion, i.State }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        var nowMs = UnixTime.Ms(now);
        var items = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId && w.DueAt <= nowMs)
            .OrderBy(w => w.Id).Select(w => new StoredWorkItem(w.Id, w.Kind, w.BookmarkId, w.Payload))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new LoadedInstance(instanceId, row.DefinitionId, row.DefinitionVersion, row.State, items);
    }

    public Task<bool> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken) =>
        DeadlockRetry.RunAsync(() => CommitOnceAsync(commit, cancellationToken));

    private async Task<bool> CommitOnceAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        // A plain connection, like CreateAsync: a commit is the runtime's hot write path.
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var (status, subStatus) = InstanceStatuses.Of(commit.Status);
        var id = ("@id", (object?)commit.InstanceId);
        var written = await SqlRows.ExecuteAsync(connection, transaction, """
            UPDATE wf_instances SET state = @state, status = @status, sub_status = @sub, updated_at = @updated, finished_at = @finished,
                incident_count = @incidents, lease_owner = @next_owner, lease_expires_at = CASE WHEN @release = 1 THEN NULL ELSE lease_expires_at END
            WHERE id = @id AND lease_owner = @owner
            """, cancellationToken,
            ("@state", commit.StateJson), ("@status", status), ("@sub", commit.ReleaseLease ? subStatus : InstanceStatuses.Executing),
            ("@updated", UnixTime.Ms(commit.UpdatedAt)), ("@finished", commit.FinishedAt is { } f ? UnixTime.Ms(f) : null),
            ("@incidents", commit.IncidentCount), ("@next_owner", commit.ReleaseLease ? null : commit.LeaseOwner),
            ("@release", commit.ReleaseLease ? 1 : 0), id, ("@owner", commit.LeaseOwner)).ConfigureAwait(false);
        if (written == 0) return false;

        if (commit.ConsumedItems.Count > 0)
        {
            var consumed = commit.ConsumedItems.Select((item, i) => ($"@c{i}", (object?)item)).ToArray();
            await SqlRows.ExecuteAsync(connection, transaction, $"DELETE FROM wf_work_items WHERE id IN ({string.Join(", ", consumed.Select(c => c.Item1))})",
                cancellationToken, consumed).ConfigureAwait(false);
        }
        await SqlRows.ExecuteAsync(connection, transaction, "DELETE FROM wf_bookmarks WHERE instance_id = @id", cancellationToken, id).ConfigureAwait(false);
        await SqlRows.ExecuteAsync(connection, transaction, "DELETE FROM wf_work_items WHERE instance_id = @id AND kind = @kind", cancellationToken,
            id, ("@kind", WorkKindNames.Timer)).ConfigureAwait(false);
        // The committed state has no queued work, so a continue item left by an earlier checkpoint means nothing now.
        if (!commit.Continue)
            await SqlRows.ExecuteAsync(connection, transaction, "DELETE FROM wf_work_items WHERE instance_id = @id AND kind = @kind", cancellationToken,
                id, ("@kind", WorkKindNames.Continue)).ConfigureAwait(false);
        var pending = await SqlRows.QueryAsync(connection, transaction, "SELECT kind, bookmark_id FROM wf_work_items WHERE instance_id = @id",
            cancellationToken, id).ConfigureAwait(false);

        await WriteChildrenAsync(connection, transaction, commit, pending.Select(p => ((string)p[0]!, p[1] as string)).ToList(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task MarkBrokenAsync(string instanceId, string owner, string message, DateTimeOffset now, IReadOnlyList<long> consumedItems, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var nowMs = UnixTime.Ms(now);
        var written = await db.Instances.Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InstanceStatuses.Finished)
                .SetProperty(i => i.SubStatus, nameof(WorkflowStatus.Faulted))
                .SetProperty(i => i.IncidentCount, i => i.IncidentCount + 1)
                .SetProperty(i => i.UpdatedAt, nowMs)
                .SetProperty(i => i.LeaseOwner, (string?)null)
                .SetProperty(i => i.LeaseExpiresAt, (long?)null), cancellationToken)
            .ConfigureAwait(false);
        if (written == 0) return;
        if (consumedItems.Count > 0)
            await db.WorkItems.Where(w => consumedItems.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var sequence = Math.Max(
            await db.Journal.Where(j => j.InstanceId == instanceId).MaxAsync(j => (long?)j.Sequence, cancellationToken).ConfigureAwait(false) ?? 0,
            await db.JournalBatches.Where(b => b.InstanceId == instanceId).MaxAsync(b => (long?)b.LastSequence, cancellationToken).ConfigureAwait(false) ?? 0);
        var line = new JournalEntry(sequence + 1, instanceId, "", "", 0, JournalEventKind.Faulted, now, null, null, null, 0,
            message, nameof(InvalidStateException), "the stored instance cannot be continued");
        await SqlRows.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), database, "wf_journal_batches", JournalBatchColumns,
            [JournalBatchRow(instanceId, [line], owner, nowMs)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SignalResult> ResumeAsync(string? instanceId, string? bookmarkId, string? hash, string? correlationId, string? payloadJson,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.Bookmarks.AsNoTracking();
        if (instanceId is not null) query = query.Where(b => b.InstanceId == instanceId);
        if (bookmarkId is not null) query = query.Where(b => b.Id == bookmarkId);
        if (hash is not null) query = query.Where(b => b.Hash == hash);
        if (correlationId is not null) query = query.Where(b => b.CorrelationId == correlationId);
        var candidates = await query.Select(b => new { b.Id, b.InstanceId }).Take(10_000).ToListAsync(cancellationToken).ConfigureAwait(false);

        var nowMs = UnixTime.Ms(now);
        var faulted = nameof(WorkflowStatus.Faulted);
        var resumed = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                // One statement, so a bookmark that a committing worker removes meanwhile is not resumed.
                var inserted = await DeadlockRetry.RunAsync(() => db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO wf_work_items (instance_id, kind, bookmark_id, payload, due_at, created_at)
                    SELECT b.instance_id, {WorkKindNames.Resume}, b.id, {payloadJson}, {nowMs}, {nowMs} FROM wf_bookmarks b
                    WHERE b.id = {candidate.Id}
                      AND NOT EXISTS (SELECT 1 FROM wf_instances i WHERE i.id = b.instance_id AND i.sub_status = {faulted})
                    """, cancellationToken)).ConfigureAwait(false);
                if (inserted == 1) resumed.Add(candidate.InstanceId);
            }
            catch (Exception e) when (UniqueViolation.Is(e))
            {
                // Resumed already, unless it is a timer not yet due: then bring it forward, once.
                var advanced = await DeadlockRetry.RunAsync(() => db.WorkItems
                    .Where(w => w.BookmarkId == candidate.Id && w.Kind == WorkKindNames.Timer && w.DueAt > nowMs)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Kind, WorkKindNames.Resume).SetProperty(w => w.DueAt, nowMs).SetProperty(w => w.Payload, payloadJson), cancellationToken))
                    .ConfigureAwait(false);
                if (advanced == 1) resumed.Add(candidate.InstanceId);
            }
        }
        return new SignalResult(resumed.Count, resumed.Distinct().ToList());
    }

    public async Task<bool> EnqueueAsync(string instanceId, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (!await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false)) return false;
        var nowMs = UnixTime.Ms(now);
        db.WorkItems.Add(new WorkItemEntity { InstanceId = instanceId, Kind = kind, DueAt = nowMs, CreatedAt = nowMs });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = db.Instances.AsNoTracking();
        if (query.DefinitionId is not null) rows = rows.Where(i => i.DefinitionId == query.DefinitionId);
        if (query.Status is { } status)
        {
            var subStatuses = InstanceStatuses.SubStatusesOf(status);
            rows = rows.Where(i => subStatuses.Contains(i.SubStatus));
        }
        if (query.CorrelationId is not null) rows = rows.Where(i => i.CorrelationId == query.CorrelationId);
        if (query.CreatedFrom is { } from)
        {
            var ms = UnixTime.Ms(from);
            rows = rows.Where(i => i.CreatedAt >= ms);
        }
        if (query.CreatedTo is { } to)
        {
            var ms = UnixTime.Ms(to);
            rows = rows.Where(i => i.CreatedAt < ms);
        }
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 500);
        var total = await rows.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Summaries(rows.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * size).Take(size))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new InstancePage(items.Select(Summary).ToList(), page, size, total);
    }

    public async Task<InstanceSummary?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await Summaries(db.Instances.AsNoTracking().Where(i => i.Id == instanceId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : Summary(row);
    }

    public async Task<bool> HasDueWorkAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var nowMs = UnixTime.Ms(now);
        return await db.WorkItems.AnyAsync(w => w.InstanceId == instanceId && w.DueAt <= nowMs, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var legacy = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var batches = await db.JournalBatches.AsNoTracking().Where(b => b.InstanceId == instanceId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lines = legacy.Select(r => new JournalEntry(r.Sequence, r.InstanceId, r.ActivityId, r.ActivityType, r.FrameId,
            Enum.Parse<JournalEventKind>(r.Kind), UnixTime.At(r.Timestamp), UnixTime.At(r.StartedAt), r.DurationMs, r.Outcome, r.Attempt,
            r.ErrorMessage, r.ErrorType, r.Message, r.Severity is null ? null : Enum.Parse<LogSeverity>(r.Severity),
            r.Data is null ? null : PlainValue.FromJson(JsonDocument.Parse(r.Data).RootElement))
        { NodeId = r.NodeId }).ToList();
        foreach (var batch in batches)
            lines.AddRange((JsonSerializer.Deserialize<List<JournalEntry>>(batch.Lines, InstanceStateSerializer.Options) ?? [])
                .Select(line => line with { NodeId = batch.NodeId }));
        return lines.OrderBy(l => l.Sequence).ToList();
    }

    public async Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(b => new StoredBookmark(b.Id, b.Name, b.Key, b.Hash, b.ActivityId, UnixTime.At(b.ResumeAt), UnixTime.At(b.CreatedAt))).ToList();
    }

    public async Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var nowMs = UnixTime.Ms(now);
        var stranded = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatuses.Running
                        && (i.SubStatus == InstanceStatuses.Pending || i.SubStatus == InstanceStatuses.Executing)
                        && (i.LeaseOwner == null || i.LeaseExpiresAt < nowMs)
                        // A future timer does not count: a node that leased the instance and died before its commit leaves it
                        // Executing under an expired lease with only its timeout timer queued, shown Running until the timer.
                        && !db.WorkItems.Any(w => w.InstanceId == i.Id && w.DueAt <= nowMs))
            .Select(i => i.Id).Take(1000).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in stranded)
            db.WorkItems.Add(new WorkItemEntity { InstanceId = id, Kind = WorkKindNames.Continue, DueAt = nowMs, CreatedAt = nowMs });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return stranded.Count;
    }

    public async Task<int> PruneAsync(DateTimeOffset finishedBefore, bool includeFaulted, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var cutoff = UnixTime.Ms(finishedBefore);
        var faulted = nameof(WorkflowStatus.Faulted);
        var total = 0;
        while (true)
        {
            var ids = await db.Instances.AsNoTracking()
                .Where(i => i.Status == InstanceStatuses.Finished && i.LeaseOwner == null
                            && ((i.SubStatus != faulted && i.FinishedAt < cutoff) || (includeFaulted && i.SubStatus == faulted && i.UpdatedAt < cutoff)))
                .Select(i => i.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0) return total;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.Journal.Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.JournalBatches.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.WorkItems.Where(w => ids.Contains(w.InstanceId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += await db.Instances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly string[] InstanceColumns =
        ["id", "definition_id", "definition_version", "status", "sub_status", "correlation_id", "name", "created_at", "updated_at", "finished_at", "incident_count", "state"];

    private static readonly string[] BookmarkColumns = ["id", "instance_id", "name", "key", "hash", "correlation_id", "activity_id", "resume_at", "created_at"];

    private static readonly string[] WorkItemColumns = ["instance_id", "kind", "bookmark_id", "payload", "due_at", "created_at"];

    private static readonly string[] JournalBatchColumns = ["instance_id", "first_sequence", "last_sequence", "node_id", "created_at", "lines"];

    /// <summary>Bookmarks, their timer items, a continue item and journal lines of a commit.</summary>
    private async Task WriteChildrenAsync(DbConnection connection, DbTransaction transaction, InstanceCommit commit, List<(string Kind, string? BookmarkId)> pending, CancellationToken cancellationToken)
    {
        var updated = UnixTime.Ms(commit.UpdatedAt);
        // A faulted instance keeps its bookmarks but no timers: they would fire at an instance that ignores them.
        var armed = commit.Status is WorkflowStatus.Running or WorkflowStatus.Suspended;
        var bookmarks = new List<object?[]>(commit.Bookmarks.Count);
        var items = new List<object?[]>();
        foreach (var bookmark in commit.Bookmarks)
        {
            bookmarks.Add([bookmark.Id, commit.InstanceId, bookmark.Name, bookmark.Key, bookmark.Hash, commit.CorrelationId, bookmark.ActivityId,
                bookmark.ResumeAt is { } at ? UnixTime.Ms(at) : null, UnixTime.Ms(bookmark.CreatedAt)]);
            // A bookmark already resumed from outside keeps that item; its timer would only resume it twice.
            if (bookmark.ResumeAt is { } due && armed && !pending.Any(p => p.BookmarkId == bookmark.Id))
                items.Add([commit.InstanceId, WorkKindNames.Timer, bookmark.Id, null, UnixTime.Ms(due), updated]);
        }
        if (commit.Continue && !pending.Any(p => p.Kind == WorkKindNames.Continue))
            items.Add([commit.InstanceId, WorkKindNames.Continue, null, null, updated, updated]);
        await SqlRows.InsertAsync(connection, transaction, database, "wf_bookmarks", BookmarkColumns, bookmarks, cancellationToken).ConfigureAwait(false);
        await SqlRows.InsertAsync(connection, transaction, database, "wf_work_items", WorkItemColumns, items, cancellationToken).ConfigureAwait(false);
        if (commit.Journal.Count > 0)
            await SqlRows.InsertAsync(connection, transaction, database, "wf_journal_batches", JournalBatchColumns,
                [JournalBatchRow(commit.InstanceId, commit.Journal, commit.NodeId, updated)], cancellationToken).ConfigureAwait(false);
    }

    private static object?[] JournalBatchRow(string instanceId, IReadOnlyList<JournalEntry> lines, string? nodeId, long createdAt) =>
        [instanceId, lines[0].Sequence, lines[^1].Sequence, nodeId, createdAt, JsonSerializer.Serialize(lines, InstanceStateSerializer.Options)];

    private static IQueryable<SummaryRow> Summaries(IQueryable<InstanceEntity> rows) =>
        rows.Select(i => new SummaryRow(i.Id, i.DefinitionId, i.DefinitionVersion, i.SubStatus, i.CorrelationId, i.Name, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.IncidentCount));

    private static InstanceSummary Summary(SummaryRow r) =>
        new(r.Id, r.DefinitionId, r.DefinitionVersion, InstanceStatuses.Parse(r.SubStatus), r.SubStatus, r.CorrelationId, r.Name,
            UnixTime.At(r.CreatedAt), UnixTime.At(r.UpdatedAt), UnixTime.At(r.FinishedAt), r.IncidentCount);


    private sealed record SummaryRow(string Id, string DefinitionId, int DefinitionVersion, string SubStatus, string? CorrelationId, string? Name,
        long CreatedAt, long UpdatedAt, long? FinishedAt, int IncidentCount);
}
