using Streamis.Workflows.Engine.Execution;

namespace Streamis.Workflows.Persistence.Stores;

/// <summary>
/// How a workflow status is stored: Status (Running/Finished) and SubStatus (the detail, plus Executing while
/// a worker holds the lease), as Elsa users know them.
/// </summary>
internal static class InstanceStatuses
{
    public const string Running = "Running";
    public const string Finished = "Finished";
    public const string Pending = "Pending";
    public const string Executing = "Executing";

    public static (string Status, string SubStatus) Of(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => (Running, Pending),
        WorkflowStatus.Suspended => (Running, nameof(WorkflowStatus.Suspended)),
        _ => (Finished, status.ToString()),
    };

    public static WorkflowStatus Parse(string subStatus) => subStatus switch
    {
        Pending or Executing => WorkflowStatus.Running,
        _ => Enum.Parse<WorkflowStatus>(subStatus),
    };

    public static string[] SubStatusesOf(WorkflowStatus status) =>
        status == WorkflowStatus.Running ? [Pending, Executing] : [status.ToString()];
}
