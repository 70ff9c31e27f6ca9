namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// Says what a launched job has done so far: records counted, record rates, the load of its processes (the figures of
/// Streamis' job details tab). Optional: an engine without one, or whose engine keeps no figures, has empty details.
/// </summary>
public interface IJobMetricsReporter
{
    /// <summary>The engine whose handles it reads.</summary>
    string Engine { get; }

    /// <summary>The job's figures now; <see cref="JobMetrics.None"/> when the engine has none for it (yet).</summary>
    Task<JobMetrics> GetMetricsAsync(JobHandle handle, CancellationToken cancellationToken);
}
