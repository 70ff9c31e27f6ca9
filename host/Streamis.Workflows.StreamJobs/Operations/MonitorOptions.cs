namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>The failure monitor: how often it looks at running tasks and how many it asks the engines about at once.</summary>
public sealed class MonitorOptions
{
    /// <summary>Off: no monitor ticks on this node (Streamis' <c>wds.streamis.job.monitor.enable</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two ticks (Streamis' <c>wds.streamis.task.monitor.interval</c>).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public int Parallelism { get; set; } = 30;

    /// <summary>A task left in Starting or Stopping longer than this is reconciled with its engine.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);
}
