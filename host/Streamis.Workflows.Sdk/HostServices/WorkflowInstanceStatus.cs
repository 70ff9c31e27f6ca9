namespace Streamis.Workflows.Sdk.HostServices;

public enum WorkflowInstanceStatus
{
    /// <summary>Queued: started or resumed, and no worker has picked it up yet.</summary>
    Pending,

    /// <summary>A worker is running it.</summary>
    Running,

    /// <summary>Waits for a timer, a signal or a retry back-off.</summary>
    Suspended,
    Completed,

    /// <summary>An activity failed and nothing handled it; it can be retried or cancelled.</summary>
    Faulted,
    Cancelled,
}
