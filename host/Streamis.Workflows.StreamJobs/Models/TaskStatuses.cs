using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Streamis' status classes (§3) and description strings.</summary>
public static class TaskStatuses
{
    public static bool IsCompleted(StreamTaskStatus status) =>
        status is StreamTaskStatus.Completed or StreamTaskStatus.Failed or StreamTaskStatus.Stopped;

    public static bool IsRunning(StreamTaskStatus status) =>
        status is StreamTaskStatus.WaitForRestart or StreamTaskStatus.AlertRunning or StreamTaskStatus.SlowRunning or StreamTaskStatus.Running;

    /// <summary>The text Streamis' APIs return; codes outside 0–9 are error 30351.</summary>
    public static string Describe(int code) => code switch
    {
        0 => "Not Started",
        1 => "Completed",
        2 => "Wait for restart",
        3 => "Alert running",
        4 => "Slow running",
        5 => "running",
        6 => "Failed",
        7 => "Stopped",
        8 => "Starting",
        9 => "Stopping",
        _ => throw new StreamJobsException(ErrorCodes.UnknownStatus, StreamJobsErrorKind.Invalid, $"Unknown status {code}"),
    };
}
