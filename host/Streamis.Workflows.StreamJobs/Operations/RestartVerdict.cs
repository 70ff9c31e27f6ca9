namespace Streamis.Workflows.StreamJobs.Operations;

public enum RestartVerdict
{
    Restart,
    GiveUp,

    /// <summary>The job's fail-restart switch is OFF.</summary>
    Disabled,

    /// <summary>The job has a task that is not completed (someone started it meanwhile): nothing to restart.</summary>
    AlreadyRunning,
}
