using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Which state a start restores from: a path a user gave (checked on the engine's storage first), or the newest
/// savepoint (and checkpoint, when the job's checkpoint switch is ON) among the states the host recorded and those the
/// engine finds, across all earlier executions (Streamis only looked at the last one, issue #63).
/// </summary>
public sealed class RestoreStates(TaskService tasks, JobStateService states, JobConfigService config, EngineRequests requests, JobEngines engines)
{
    /// <summary>Whether a user-given savepoint or checkpoint path exists, asked of the job's engine.</summary>
    public async Task<bool> ExistsAsync(StreamJob job, string location, CancellationToken cancellationToken)
    {
        var fetcher = engines.StateFetcher(job.EngineName);
        var latest = (await tasks.ListAsync(job.Id, cancellationToken)).FirstOrDefault(t => t.Handle is not null);
        return await fetcher.ExistsAsync(await requests.StateQueryAsync(job, latest?.Handle, cancellationToken), location, cancellationToken);
    }

    /// <summary>
    /// The newest state to restore from, or null. With <paramref name="fromTaskId"/>, that execution's: the newest it is
    /// recorded to have written, else what the engine finds for its handle.
    /// </summary>
    public async Task<JobState?> NewestAsync(StreamJob job, long? fromTaskId, CancellationToken cancellationToken)
    {
        var checkpoints = await config.IsOnAsync(job.Id, ConfigKeys.CheckpointSwitch, cancellationToken);
        var history = await tasks.ListAsync(job.Id, cancellationToken);
        StreamTask? source;
        JobState? recorded;
        if (fromTaskId is { } from)
        {
            source = history.FirstOrDefault(t => t.Id == from)
                ?? throw new StreamJobsException(ErrorCodes.TaskNotFound, StreamJobsErrorKind.NotFound, $"StreamTask [{from}] of StreamJob [{job.Id}] does not exist");
            recorded = (await states.ListAsync(job.Id, cancellationToken))
                .Where(s => s.TaskId == from && (checkpoints || s.State.Kind == JobStateKind.Savepoint))
                .Select(s => s.State).FirstOrDefault();
            // The engine may know only the whole job's states (newer ones of other tasks), so a recorded one of this task wins.
            if (recorded is not null) return recorded;
        }
        else
        {
            source = history.FirstOrDefault(t => t.Handle is not null);
            recorded = (await states.ChooseRestoreStateAsync(job.Id, cancellationToken: cancellationToken))?.State;
        }

        var fetcher = engines.StateFetcher(job.EngineName);
        var query = await requests.StateQueryAsync(job, source?.Handle, cancellationToken);
        var candidates = new List<JobState?> { recorded, await fetcher.FindLatestAsync(query, JobStateKind.Savepoint, cancellationToken) };
        if (checkpoints) candidates.Add(await fetcher.FindLatestAsync(query, JobStateKind.Checkpoint, cancellationToken));
        return candidates.OfType<JobState>().OrderByDescending(s => s.Timestamp).FirstOrDefault();
    }
}
