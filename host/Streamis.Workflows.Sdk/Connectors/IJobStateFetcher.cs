namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Finds a job's checkpoints and savepoints on one engine's storage.</summary>
public interface IJobStateFetcher
{
    string Engine { get; }

    /// <summary>The newest state of that kind for the job, or null when there is none.</summary>
    Task<JobState?> FindLatestAsync(JobStateQuery query, JobStateKind kind, CancellationToken cancellationToken);

    /// <summary>Whether a state path given by a user really exists (before restoring from it).</summary>
    Task<bool> ExistsAsync(JobStateQuery query, string location, CancellationToken cancellationToken);
}
