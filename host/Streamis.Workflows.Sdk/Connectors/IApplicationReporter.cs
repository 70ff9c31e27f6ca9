namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// Says what the cluster's resource manager (YARN) reports of a job's application, apart from what the engine says.
/// A launcher asks it when its engine's word is doubtful: Linkis can call an EngineConn Failed while YARN says the
/// application SUCCEEDED (apache/linkis #1996).
/// </summary>
public interface IApplicationReporter
{
    /// <summary>The engine whose handles it reads (the application id is one of the handle's properties).</summary>
    string Engine { get; }

    /// <summary>The application's report, or null when the handle names no application or the cluster does not know it.</summary>
    Task<ApplicationReport?> GetReportAsync(JobHandle handle, CancellationToken cancellationToken);
}
