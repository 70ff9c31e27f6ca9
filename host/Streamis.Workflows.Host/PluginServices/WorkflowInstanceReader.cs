using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Runtime;
using Streamis.Workflows.Host.Endpoints.Instances;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>Instances as plugins read them: the stored summary row, the details the instance API shows, the journal.</summary>
public sealed class WorkflowInstanceReader(IInstanceStore instances) : IWorkflowInstances
{
    public async Task<WorkflowInstanceSummary?> GetSummaryAsync(string instanceId, CancellationToken cancellationToken) =>
        await instances.GetAsync(instanceId, cancellationToken) is { } summary ? Map(summary) : null;

    public async Task<WorkflowInstanceDetails?> GetDetailsAsync(string instanceId, CancellationToken cancellationToken)
    {
        var details = await InstanceEndpoints.DetailsAsync(instanceId, instances, withJournal: false, cancellationToken);
        if (details is null) return null;
        return new WorkflowInstanceDetails(Map(details.Summary), details.Input ?? new Dictionary<string, object?>(), details.Output ?? new Dictionary<string, object?>(),
            details.Incidents.Select(i => $"{i.ActivityId}: {i.Message}").ToList());
    }

    public async Task<IReadOnlyList<WorkflowJournalLine>> GetJournalAsync(string instanceId, CancellationToken cancellationToken) =>
        (await instances.GetJournalAsync(instanceId, cancellationToken))
            .Select(e => new WorkflowJournalLine(e.Timestamp, e.ActivityId, e.ActivityType, e.Kind.ToString(), e.Outcome, e.DurationMs,
                e.ErrorMessage ?? e.Message, e.Severity?.ToString()))
            .ToList();

    private static WorkflowInstanceSummary Map(InstanceSummary s) => new(s.Id, s.DefinitionId, s.DefinitionVersion, s.Status switch
    {
        WorkflowStatus.Running when s.SubStatus == "Pending" => WorkflowInstanceStatus.Pending,
        WorkflowStatus.Running => WorkflowInstanceStatus.Running,
        WorkflowStatus.Suspended => WorkflowInstanceStatus.Suspended,
        WorkflowStatus.Completed => WorkflowInstanceStatus.Completed,
        WorkflowStatus.Faulted => WorkflowInstanceStatus.Faulted,
        _ => WorkflowInstanceStatus.Cancelled,
    }, s.CorrelationId, s.CreatedAt, s.UpdatedAt, s.FinishedAt);
}
