using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// The progress of bulk operations, one row per job, written as each job starts and ends. It lives beside the workflow
/// instance rather than in its state because the state is only stored when the instance pauses, and callers want the
/// count of done jobs while the run is still going.
/// </summary>
public sealed class BulkRunService(StreamJobsDatabase database, TimeProvider clock)
{
    public const int MaxMessageLength = 2000;

    public static readonly IReadOnlyList<string> Operations = ["start", "stop", "restart"];

    /// <summary>
    /// Records a run with one Pending item per subject; a subject that names no job or task is Failed at once, with the
    /// reason. Creating a run that exists returns it unchanged, so a repeated activity does not start over.
    /// </summary>
    public async Task<BulkRun> CreateAsync(string instanceId, string operation, IReadOnlyList<BulkSubject> subjects, CancellationToken cancellationToken = default)
    {
        if (!Operations.Contains(operation))
            throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid, $"operation '{operation}' is not one of {string.Join(", ", Operations)}");
        if (await GetAsync(instanceId, cancellationToken) is { } existing) return existing;

        await using var db = database.CreateContext();
        var jobIds = subjects.Select(s => s.JobId).OfType<long>().Distinct().ToList();
        var taskIds = subjects.Select(s => s.TaskId).OfType<long>().Distinct().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.JobId, cancellationToken);
        jobIds.AddRange(tasks.Values);
        var names = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, cancellationToken);

        var now = UnixTime.Ms(clock.GetUtcNow());
        var items = subjects.Select((subject, position) =>
        {
            long? jobId = subject.TaskId is { } taskId ? tasks.TryGetValue(taskId, out var owner) ? owner : null : subject.JobId;
            string? problem = subject.TaskId is { } t && jobId is null ? $"StreamTask [{t}] does not exist"
                : jobId is { } j && !names.ContainsKey(j) ? $"StreamJob [{j}] does not exist"
                : jobId is null ? "neither a job id nor a task id was given" : null;
            return new BulkItemEntity
            {
                InstanceId = instanceId, Position = position, JobId = problem is null ? jobId : subject.JobId, TaskId = subject.TaskId,
                JobName = jobId is { } id ? names.GetValueOrDefault(id) : null,
                Status = (problem is null ? BulkItemStatus.Pending : BulkItemStatus.Failed).ToString(), Message = problem, UpdateTime = now,
            };
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BulkRuns.Add(new BulkRunEntity { InstanceId = instanceId, Operation = operation, Total = items.Count, CreateTime = now });
        db.BulkItems.AddRange(items);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Created by a repeat of the same activity on another node meanwhile: theirs stands.
        }
        return await GetAsync(instanceId, cancellationToken) ?? throw new InvalidOperationException($"bulk run {instanceId} vanished while being created");
    }

    public async Task<BulkRun?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var run = await db.BulkRuns.AsNoTracking().SingleOrDefaultAsync(r => r.InstanceId == instanceId, cancellationToken);
        if (run is null) return null;
        var items = await db.BulkItems.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        return new BulkRun(run.InstanceId, run.Operation, UnixTime.At(run.CreateTime), items.Select(i => new BulkItem(
            i.Position, i.JobId, i.JobName, i.TaskId, Enum.Parse<BulkItemStatus>(i.Status), i.Message, i.SavepointPath, UnixTime.At(i.UpdateTime))).ToList());
    }

    /// <summary>The counts alone, counted by the database: cheap enough to poll many times a second while a large run goes on.</summary>
    public async Task<BulkProgress?> GetProgressAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var run = await db.BulkRuns.AsNoTracking().Where(r => r.InstanceId == instanceId).Select(r => new { r.Operation, r.Total }).SingleOrDefaultAsync(cancellationToken);
        if (run is null) return null;
        var counts = await db.BulkItems.AsNoTracking().Where(i => i.InstanceId == instanceId)
            .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(BulkItemStatus status) => counts.FirstOrDefault(c => c.Status == status.ToString())?.Count ?? 0;
        return new BulkProgress(instanceId, run.Operation, run.Total, Count(BulkItemStatus.Succeeded), Count(BulkItemStatus.Failed));
    }

    /// <summary>Moves one item on; a task id or savepoint path given replaces the recorded one, a null keeps it.</summary>
    public async Task RecordAsync(string instanceId, int position, BulkItemStatus status, string? message = null, long? taskId = null, string? savepointPath = null,
        CancellationToken cancellationToken = default)
    {
        var text = message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
        var now = UnixTime.Ms(clock.GetUtcNow());
        await using var db = database.CreateContext();
        var changed = await db.BulkItems.Where(i => i.InstanceId == instanceId && i.Position == position).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status.ToString())
            .SetProperty(i => i.Message, text)
            .SetProperty(i => i.TaskId, i => taskId ?? i.TaskId)
            .SetProperty(i => i.SavepointPath, i => savepointPath ?? i.SavepointPath)
            .SetProperty(i => i.UpdateTime, now), cancellationToken);
        if (changed == 0)
            throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.NotFound, $"bulk run {instanceId} has no item at position {position}");
    }
}
