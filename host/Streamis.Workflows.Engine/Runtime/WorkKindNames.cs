namespace Streamis.Workflows.Engine.Runtime;

/// <summary>What a queued work item asks a worker to do with its instance.</summary>
public static class WorkKindNames
{
    /// <summary>Run whatever the instance has queued (new, or interrupted by a crash or shutdown).</summary>
    public const string Continue = "Continue";

    /// <summary>A timer bookmark (Delay, retry back-off) fell due.</summary>
    public const string Timer = "Timer";

    /// <summary>A bookmark resumed from outside (a signal), with a payload.</summary>
    public const string Resume = "Resume";

    public const string Cancel = "Cancel";

    /// <summary>Run a faulted instance again from its failed activity.</summary>
    public const string Retry = "Retry";
}
