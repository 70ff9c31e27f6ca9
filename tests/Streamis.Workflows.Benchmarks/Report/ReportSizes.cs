namespace Streamis.Workflows.Benchmarks.Report;

/// <summary>How big each timed part of the report is: the full sizes of the targets, or a quicker pass of about ten minutes.</summary>
public sealed record ReportSizes(bool Quick, int ColdStarts, int BulkJobs, int MonitorTasks, int SuspendedInstances, int Signals, TimeSpan Settle)
{
    public static readonly ReportSizes Full = new(false, 5, 1_000, 10_000, 10_000, 1_000, TimeSpan.FromSeconds(15));

    /// <summary>The monitor runs over a tenth of the tasks (their set-up bulk start alone takes minutes); everything else keeps its target size.</summary>
    public static readonly ReportSizes QuickPass = new(true, 3, 1_000, 1_000, 10_000, 200, TimeSpan.FromSeconds(5));
}
