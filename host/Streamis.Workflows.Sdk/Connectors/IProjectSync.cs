namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Pulls projects and their members from a system of record (DSS), for hosts that missed a push.</summary>
public interface IProjectSync
{
    Task<IReadOnlyList<SyncedProject>> ListProjectsAsync(CancellationToken cancellationToken);
}
