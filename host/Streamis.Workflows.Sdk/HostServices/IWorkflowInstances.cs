namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Reads workflow instances: a cheap summary, the details with outputs and incidents, and the journal.</summary>
public interface IWorkflowInstances
{
    /// <summary>One stored row, never the instance state: cheap enough to poll.</summary>
    Task<WorkflowInstanceSummary?> GetSummaryAsync(string instanceId, CancellationToken cancellationToken);

    Task<WorkflowInstanceDetails?> GetDetailsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The execution journal, oldest first; empty for an unknown instance.</summary>
    Task<IReadOnlyList<WorkflowJournalLine>> GetJournalAsync(string instanceId, CancellationToken cancellationToken);
}
