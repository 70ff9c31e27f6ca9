namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// How a failed job with fail-restart ON is restarted: at most <see cref="MaxRestarts"/> times within
/// <see cref="Window"/>, waiting longer before each (Streamis restarts forever, at once).
/// </summary>
public sealed class AutoRestartOptions
{
    public int MaxRestarts { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Wait before the first restart; each further one waits <see cref="BackoffFactor"/> times longer.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public double BackoffFactor { get; set; } = 2;

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
}
