namespace Streamis.Workflows.Engine.Execution;

public enum WorkflowStatus
{
    /// <summary>Has work queued (new, interrupted, or resumed and not yet run).</summary>
    Running,

    /// <summary>Waits for a bookmark: a timer, a signal, a retry back-off.</summary>
    Suspended,
    Completed,

    /// <summary>An activity failed and nothing handled it; see the incidents. Can be retried.</summary>
    Faulted,
    Cancelled,
}
