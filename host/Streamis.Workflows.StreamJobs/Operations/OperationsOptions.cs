namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>
/// Settings of the built-in job operations, bound from the <c>Operations</c> configuration section. Workflow inputs
/// left empty take these values, so an operator changes a default here rather than in every workflow.
/// </summary>
public sealed class OperationsOptions
{
    /// <summary>How long a start waits for the engine to report the job running (Streamis' <c>wds.streamis.task.submit.time.max</c>).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait between two status polls while a job starts.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many jobs a bulk operation works on at once (Streamis' scheduler runs 30).</summary>
    public int BulkParallelism { get; set; } = 30;

    /// <summary>The most jobs one bulk operation may name.</summary>
    public int MaxBulkJobs { get; set; } = 10_000;

    /// <summary>How long the Streamis API waits for a synchronous operation (execute, stop, snapshot, bulk pause) before answering.</summary>
    public TimeSpan SynchronousWait { get; set; } = TimeSpan.FromMinutes(10);

    public MonitorOptions Monitor { get; set; } = new();

    public AutoRestartOptions AutoRestart { get; set; } = new();

    /// <summary>Every setting that cannot work, named with its configuration key; empty when all are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero) problems.Add($"Operations:{key} must be a positive duration, not {value}");
        }
        Positive(nameof(StartTimeout), StartTimeout);
        Positive(nameof(StatusPollInterval), StatusPollInterval);
        Positive(nameof(SynchronousWait), SynchronousWait);
        if (BulkParallelism is < 1 or > BulkLimits.MaxParallelism)
            problems.Add($"Operations:{nameof(BulkParallelism)} must be between 1 and {BulkLimits.MaxParallelism}, not {BulkParallelism}");
        if (MaxBulkJobs < 1) problems.Add($"Operations:{nameof(MaxBulkJobs)} must be at least 1, not {MaxBulkJobs}");
        Positive("Monitor:Interval", Monitor.Interval);
        Positive("Monitor:StuckAfter", Monitor.StuckAfter);
        if (Monitor.Parallelism is < 1 or > BulkLimits.MaxParallelism)
            problems.Add($"Operations:Monitor:Parallelism must be between 1 and {BulkLimits.MaxParallelism}, not {Monitor.Parallelism}");
        if (AutoRestart.MaxRestarts < 0) problems.Add($"Operations:AutoRestart:MaxRestarts must be 0 or more, not {AutoRestart.MaxRestarts}");
        Positive("AutoRestart:Window", AutoRestart.Window);
        Positive("AutoRestart:InitialBackoff", AutoRestart.InitialBackoff);
        if (AutoRestart.MaxBackoff < AutoRestart.InitialBackoff)
            problems.Add($"Operations:AutoRestart:MaxBackoff ({AutoRestart.MaxBackoff}) must not be shorter than InitialBackoff ({AutoRestart.InitialBackoff})");
        if (!(AutoRestart.BackoffFactor >= 1)) problems.Add($"Operations:AutoRestart:BackoffFactor must be 1 or more, not {AutoRestart.BackoffFactor}");
        return problems;
    }
}
