using System.Diagnostics.Metrics;

namespace Streamis.Workflows.Engine.Diagnostics;

/// <summary>
/// The engine's meters. Any exporter that listens to System.Diagnostics.Metrics (the host's Prometheus endpoint)
/// publishes them; with nobody listening, recording costs next to nothing.
/// </summary>
public static class WorkflowMetrics
{
    public static readonly Meter Meter = new("Streamis.Workflows", "1.0");

    public static readonly Counter<long> Started = Meter.CreateCounter<long>("workflows.started", description: "Workflow instances started");

    public static readonly Counter<long> Completed = Meter.CreateCounter<long>("workflows.completed", description: "Workflow instances completed");

    public static readonly Counter<long> Faulted = Meter.CreateCounter<long>("workflows.faulted", description: "Workflow instances faulted");

    public static readonly Histogram<double> ActivityDuration =
        Meter.CreateHistogram<double>("activity.duration", "ms", "Duration of activity executions, by activity type and result");

    private static long dueInstances;
    private static long busyInstances;

    static WorkflowMetrics()
    {
        Meter.CreateObservableGauge("queue.due", () => Interlocked.Read(ref dueInstances), description: "Instances with work due, as last seen by the dispatcher");
        Meter.CreateObservableGauge("workers.busy", () => Interlocked.Read(ref busyInstances), description: "Instances being run by this node");
    }

    public static void ObserveQueue(long due, long busy)
    {
        Interlocked.Exchange(ref dueInstances, due);
        Interlocked.Exchange(ref busyInstances, busy);
    }

    /// <summary>Counts an instance reaching an end state in a run that started from another state.</summary>
    public static void Ended(string definitionId, Execution.WorkflowStatus before, Execution.WorkflowStatus after)
    {
        if (before == after) return;
        var tag = new KeyValuePair<string, object?>("definition", definitionId);
        if (after == Execution.WorkflowStatus.Completed) Completed.Add(1, tag);
        else if (after == Execution.WorkflowStatus.Faulted) Faulted.Add(1, tag);
    }
}
