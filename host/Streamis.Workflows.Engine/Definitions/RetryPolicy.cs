namespace Streamis.Workflows.Engine.Definitions;

public enum RetryOn
{
    /// <summary>Only failures marked transient (TransientException, time-outs, HTTP and I/O errors).</summary>
    Transient,
    All,
}

/// <summary>How an activity is retried. Waits between attempts are timer bookmarks, never sleeping threads.</summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public double BackoffFactor { get; set; } = 2;

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Random spread of each delay, as a fraction of it (0.2 = ±20%).</summary>
    public double Jitter { get; set; } = 0.2;

    public RetryOn RetryOn { get; set; } = RetryOn.Transient;

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2, 3...).</summary>
    public TimeSpan DelayBefore(int nextAttempt, double random)
    {
        var baseMs = InitialDelay.TotalMilliseconds * Math.Pow(BackoffFactor, Math.Max(0, nextAttempt - 2));
        var capped = Math.Min(baseMs, MaxDelay.TotalMilliseconds);
        var spread = capped * Jitter * (random * 2 - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, capped + spread));
    }
}
