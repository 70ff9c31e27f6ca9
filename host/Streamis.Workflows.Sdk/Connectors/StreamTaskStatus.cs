namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>Task status with Streamis 0.2.0's codes, so connectors and the Streamis API speak the same numbers.</summary>
public enum StreamTaskStatus
{
    NotStarted = 0,
    Completed = 1,
    WaitForRestart = 2,
    AlertRunning = 3,
    SlowRunning = 4,
    Running = 5,
    Failed = 6,
    Stopped = 7,
    Starting = 8,
    Stopping = 9,
}
