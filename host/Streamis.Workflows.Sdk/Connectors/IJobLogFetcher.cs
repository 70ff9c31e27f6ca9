namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Reads a job's logs (client log, YARN log...) with paging and keyword filters.</summary>
public interface IJobLogFetcher
{
    string Engine { get; }

    /// <summary>The log types it serves (<c>client</c>, <c>yarn</c>).</summary>
    IReadOnlyCollection<string> LogTypes { get; }

    Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken);
}
