using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>
/// Tasks (one per execution). "At most one non-completed task per job" is the unique index on
/// <c>active_job_id</c>: the database, not a read-then-insert, decides which of concurrent starts wins.
/// </summary>
public sealed class TaskService(StreamJobsDatabase database, TimeProvider clock)
{
    public const int MaxErrDescLength = 10240;

    /// <summary>A new task in Starting (8) on the job's latest version, or a refusal naming the task in the way.</summary>
    public Task<TaskStartResult> CreateTaskAsync(long jobId, string user, CancellationToken cancellationToken = default) =>
        CreateTaskAsync(jobId, user, executionId: null, cancellationToken);

    /// <summary>
    /// As above, on behalf of a workflow activity execution: when the task in the way is the one this execution (or an
    /// earlier attempt of it in the same instance) created before a crash, that task is returned as created instead of refusing.
    /// </summary>
    public async Task<TaskStartResult> CreateTaskAsync(long jobId, string user, string? executionId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw StreamJobsException.JobNotFound(jobId);
        var version = await db.JobVersions.AsNoTracking().Where(v => v.JobId == jobId).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new StreamJobsException(ErrorCodes.JobConflict, StreamJobsErrorKind.Conflict, $"StreamJob [{jobId}] has no version to run");
        if (executionId is not null && await db.Tasks.AsNoTracking().Where(t => t.JobId == jobId && t.ExecutionId == executionId)
                .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken) is { } own)
            return TaskStartResult.Created(own.ToModel());
        if (await EarlierAttemptAsync(db, jobId, executionId, cancellationToken) is { } earlier) return TaskStartResult.Created(earlier.ToModel());
        if (await BlockingAsync(db, jobId, cancellationToken) is { } blocking) return Refusal(jobId, blocking);

        var now = UnixTime.Ms(clock.GetUtcNow());
        var task = new TaskEntity
        {
            JobId = jobId, JobVersionId = version.Id, Version = version.Version, Status = (int)StreamTaskStatus.Starting, ActiveJobId = jobId,
            StartTime = now, LastUpdateTime = now, SubmitUser = user, EngineName = job.EngineName, ExecutionId = executionId,
        };
        db.Tasks.Add(task);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            await using var fresh = database.CreateContext();
            var winner = await BlockingAsync(fresh, jobId, cancellationToken);
            // The winner may already have completed between our insert and this read; still a refusal, as the race was lost.
            return winner is null
                ? TaskStartResult.Refused($"job {jobId} was started by someone else at the same time", null)
                : Refusal(jobId, winner);
        }
        return TaskStartResult.Created(task.ToModel());
    }

    /// <summary>Moves a task to a new status. Completed (1, 6, 7) is final: a finished execution is never revived.</summary>
    public async Task<StreamTask> UpdateStatusAsync(long taskId, StreamTaskStatus status, string? errDesc = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(status) || status == StreamTaskStatus.NotStarted)
            throw new StreamJobsException(ErrorCodes.UnknownStatus, StreamJobsErrorKind.Invalid, $"Unknown status {(int)status}");
        await using var db = database.CreateContext();
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
        var current = (StreamTaskStatus)task.Status;
        if (TaskStatuses.IsCompleted(current) && current != status)
            throw new StreamJobsException(ErrorCodes.TaskConflict, StreamJobsErrorKind.Conflict,
                $"task {taskId} is already {TaskStatuses.Describe(task.Status)}; it cannot become {TaskStatuses.Describe((int)status)}");
        task.Status = (int)status;
        task.ActiveJobId = TaskStatuses.IsCompleted(status) ? null : task.JobId;
        task.LastUpdateTime = UnixTime.Ms(clock.GetUtcNow());
        if (errDesc is not null) task.ErrDesc = errDesc.Length > MaxErrDescLength ? errDesc[..MaxErrDescLength] : errDesc;
        await db.SaveChangesAsync(cancellationToken);
        return task.ToModel();
    }

    /// <summary>
    /// Moves a task from one of <paramref name="expected"/> to <paramref name="status"/>, or leaves it alone and
    /// returns null (e.g. "Failed only if still Starting", "Stopping only unless completed").
    /// </summary>
    public async Task<StreamTask?> TransitionAsync(long taskId, IReadOnlyCollection<StreamTaskStatus> expected, StreamTaskStatus status, string? errDesc = null,
        CancellationToken cancellationToken = default)
    {
        var codes = expected.Select(s => (int)s).ToList();
        var now = UnixTime.Ms(clock.GetUtcNow());
        await using var db = database.CreateContext();
        var completed = TaskStatuses.IsCompleted(status);
        var trimmed = errDesc is { Length: > MaxErrDescLength } ? errDesc[..MaxErrDescLength] : errDesc;
        // One conditional UPDATE, so two callers racing on the same task cannot both pass the check.
        var changed = await db.Tasks.Where(t => t.Id == taskId && codes.Contains(t.Status)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, (int)status)
            .SetProperty(t => t.ActiveJobId, t => completed ? null : (long?)t.JobId)
            .SetProperty(t => t.LastUpdateTime, now)
            .SetProperty(t => t.ErrDesc, t => trimmed ?? t.ErrDesc), cancellationToken);
        if (changed == 0) return null;
        return (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, cancellationToken)).ToModel();
    }

    /// <summary>
    /// A Starting task of the job created by another execution of the same workflow instance: an attempt of this start
    /// that a crash cut off before its instance committed. Execution ids are <c>instanceId:frameId</c>, and a re-run
    /// may number its frames differently (parallel branches), so the instance part is what identifies the start.
    /// </summary>
    private static async Task<TaskEntity?> EarlierAttemptAsync(StreamJobsDbContext db, long jobId, string? executionId, CancellationToken cancellationToken)
    {
        if (executionId is null || executionId.LastIndexOf(':') is not (> 0 and var colon)) return null;
        var instance = executionId[..(colon + 1)];
        return await db.Tasks.AsNoTracking()
            .Where(t => t.JobId == jobId && t.Status == (int)StreamTaskStatus.Starting && t.ExecutionId != null && t.ExecutionId.StartsWith(instance))
            .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Marks a task whose launch is about to be handed to its engine, until <see cref="SetEngineHandleAsync"/> records
    /// the handle: a host that dies in between leaves the mark, and the next attempt knows the engine may run the job.
    /// </summary>
    public async Task MarkLaunchingAsync(long taskId, string executionId, CancellationToken cancellationToken = default)
    {
        var mark = JsonSerializer.Serialize(new Dictionary<string, string> { ["launching"] = executionId });
        await using var db = database.CreateContext();
        await db.Tasks.Where(t => t.Id == taskId && t.EngineJobId == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.EngineInfo, mark), cancellationToken);
    }

    /// <summary>Records how to find the launched job again (engine id and properties).</summary>
    public async Task<StreamTask> SetEngineHandleAsync(long taskId, JobHandle handle, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
        task.EngineName = handle.Engine;
        task.EngineJobId = handle.Id;
        task.EngineInfo = JsonSerializer.Serialize(handle.Properties);
        task.LastUpdateTime = UnixTime.Ms(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return task.ToModel();
    }

    public async Task<StreamTask?> FindAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken))?.ToModel();
    }

    public async Task<StreamTask?> GetLatestAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Tasks.AsNoTracking().Where(t => t.JobId == jobId).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken))?.ToModel();
    }

    public async Task<IReadOnlyList<StreamTask>> ListAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Tasks.AsNoTracking().Where(t => t.JobId == jobId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken)).Select(t => t.ToModel()).ToList();
    }

    /// <summary>Tasks in the "running" group (2–5), for the monitor.</summary>
    public async Task<IReadOnlyList<StreamTask>> ListRunningAsync(CancellationToken cancellationToken = default)
    {
        var running = new[] { 2, 3, 4, 5 };
        await using var db = database.CreateContext();
        return (await db.Tasks.AsNoTracking().Where(t => running.Contains(t.Status)).OrderBy(t => t.Id).ToListAsync(cancellationToken)).Select(t => t.ToModel()).ToList();
    }

    /// <summary>
    /// Tasks left in Starting (8) or Stopping (9) longer than <paramref name="age"/>: Streamis' monitor never looks at
    /// them, so after a crash they would block the job for good. A recovery step decides what they really are.
    /// </summary>
    public async Task<IReadOnlyList<StreamTask>> ListStuckAsync(TimeSpan age, CancellationToken cancellationToken = default)
    {
        var before = UnixTime.Ms(clock.GetUtcNow() - age);
        var transient = new[] { (int)StreamTaskStatus.Starting, (int)StreamTaskStatus.Stopping };
        await using var db = database.CreateContext();
        return (await db.Tasks.AsNoTracking().Where(t => transient.Contains(t.Status) && t.LastUpdateTime < before).OrderBy(t => t.Id).ToListAsync(cancellationToken))
            .Select(t => t.ToModel()).ToList();
    }

    private static Task<TaskEntity?> BlockingAsync(StreamJobsDbContext db, long jobId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.ActiveJobId == jobId, cancellationToken);

    private static TaskStartResult Refusal(long jobId, TaskEntity blocking) =>
        TaskStartResult.Refused(
            $"job {jobId} already has task {blocking.Id} in status {blocking.Status} ({TaskStatuses.Describe(blocking.Status)}); it must complete before a new one starts",
            blocking.Id);

    private static StreamJobsException NotFound(long taskId) =>
        new(ErrorCodes.TaskNotFound, StreamJobsErrorKind.NotFound, $"StreamTask [{taskId}] does not exist");
}
