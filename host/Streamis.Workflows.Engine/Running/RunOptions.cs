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

    /// <summary>
    /// Resume timers that come due while other activities of the run still await I/O, rather than after the whole
    /// run has come to rest: parallel branches that poll then do not wait for each other. Implied by <see cref="ResumeTimers"/>.
    /// </summary>
    public bool ResumeDueTimers { get; init; }

    /// <summary>For a run with checkpoints (the durable runtime): how often a run that keeps going commits anyway.</summary>
    public TimeSpan? CheckpointInterval { get; init; }
}
