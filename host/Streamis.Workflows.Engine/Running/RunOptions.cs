namespace Streamis.Workflows.Engine.Running;

public sealed class RunOptions
{
    public static readonly RunOptions Default = new();

    public string? InstanceId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>
    /// Wait for due timers (Delay, retry back-off) within this call, on the runner's clock, instead of returning
    /// Suspended. In-process use and tests; the durable runtime schedules timers itself.
    /// </summary>
    public bool ResumeTimers { get; init; }
}
