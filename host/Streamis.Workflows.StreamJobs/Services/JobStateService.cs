using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>Checkpoint and savepoint records per task, and the choice of state to restore from.</summary>
public sealed class JobStateService(StreamJobsDatabase database, JobConfigService config, TimeProvider clock)
{
    public const int MaxLocationLength = 1000;

    /// <summary>Records a state a task wrote (fetched from the engine, or returned by a snapshot); repeats are ignored.</summary>
    public async Task<RecordedJobState> RecordAsync(long taskId, JobState state, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(state.Location) || state.Location.Length > MaxLocationLength)
            throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid, $"a state location must be 1–{MaxLocationLength} characters");
        await using var db = database.CreateContext();
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new StreamJobsException(ErrorCodes.TaskNotFound, StreamJobsErrorKind.NotFound, $"StreamTask [{taskId}] does not exist");
        var kind = state.Kind.ToString().ToLowerInvariant();
        // At-least-once activities record the same state again after a retry; keep one row.
        var same = await db.JobStates.AsNoTracking().FirstOrDefaultAsync(s => s.TaskId == taskId && s.Kind == kind && s.Location == state.Location, cancellationToken);
        if (same is not null) return same.ToModel();
        var entity = new JobStateEntity
        {
            JobId = task.JobId, TaskId = taskId, Kind = kind, Location = state.Location,
            Timestamp = UnixTime.Ms(state.Timestamp), CreateTime = UnixTime.Ms(clock.GetUtcNow()),
        };
        db.JobStates.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity.ToModel();
    }

    public async Task<IReadOnlyList<RecordedJobState>> ListAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.JobStates.AsNoTracking().Where(s => s.JobId == jobId).OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id).ToListAsync(cancellationToken))
            .Select(s => s.ToModel()).ToList();
    }

    /// <summary>
    /// The state to restore a new run from: the newest savepoint across all of the job's earlier tasks, or the
    /// newest checkpoint when the job's checkpoint switch is ON and it is newer. Looking across every earlier task,
    /// not only the last one, keeps state when a restarted run died before its first checkpoint (Streamis #63).
    /// </summary>
    public async Task<RecordedJobState?> ChooseRestoreStateAsync(long jobId, long? beforeTaskId = null, CancellationToken cancellationToken = default)
    {
        var checkpoints = await config.IsOnAsync(jobId, ConfigKeys.CheckpointSwitch, cancellationToken);
        var savepoint = JobStateKind.Savepoint.ToString().ToLowerInvariant();
        await using var db = database.CreateContext();
        var query = db.JobStates.AsNoTracking().Where(s => s.JobId == jobId);
        if (beforeTaskId is { } before) query = query.Where(s => s.TaskId < before);
        if (!checkpoints) query = query.Where(s => s.Kind == savepoint);
        var newest = await query.OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return newest?.ToModel();
    }
}
