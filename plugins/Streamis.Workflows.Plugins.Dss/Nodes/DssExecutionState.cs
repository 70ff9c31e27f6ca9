using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Nodes;

/// <summary>DSS' <c>RefExecutionState</c> names for our instance statuses; Success, Failed and Killed end DSS' polling.</summary>
public static class DssExecutionState
{
    public const string Accepted = "Accepted";
    public const string Running = "Running";
    public const string Success = "Success";
    public const string Failed = "Failed";
    public const string Killed = "Killed";

    public static string Of(WorkflowInstanceStatus status) => status switch
    {
        WorkflowInstanceStatus.Pending => Accepted,
        WorkflowInstanceStatus.Running or WorkflowInstanceStatus.Suspended => Running,
        WorkflowInstanceStatus.Completed => Success,
        WorkflowInstanceStatus.Faulted => Failed,
        _ => Killed,
    };

    public static bool IsCompleted(string state) => state is Success or Failed or Killed;
}
