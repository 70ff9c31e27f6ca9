namespace Streamis.Workflows.Simulation;

/// <summary>The YARN application an EngineConn submitted, as the ResourceManager reports it. Thread-safe.</summary>
public sealed class SimulatedYarnApplication
{
    private readonly object gate = new();
    private readonly SimulatedLog log = new();
    private string state = "RUNNING";
    private string finalStatus = "UNDEFINED";

    internal SimulatedYarnApplication(string id, string user, string name, string trackingUrl, string containerId, long startedTime)
    {
        Id = id;
        User = user;
        Name = name;
        TrackingUrl = trackingUrl;
        ContainerId = containerId;
        StartedTime = startedTime;
    }

    public string Id { get; }

    public string User { get; }

    public string Name { get; }

    public string TrackingUrl { get; }

    /// <summary>The application master's container, whose <c>jobmanager.log</c> the NodeManager serves.</summary>
    public string ContainerId { get; }

    public long StartedTime { get; }

    public string Queue { get; set; } = "default";

    /// <summary>YARN's state (NEW... RUNNING, FINISHED, FAILED, KILLED) and final status (UNDEFINED, SUCCEEDED, FAILED, KILLED).</summary>
    public string State
    {
        get { lock (gate) return state; }
    }

    public string FinalStatus
    {
        get { lock (gate) return finalStatus; }
    }

    public string? Diagnostics { get; set; }

    /// <summary>Whether <c>yarn logs</c> can fetch its aggregated log yet (what the ECM's <c>engineConnYarnLog</c> needs).</summary>
    public bool LogsAggregated { get; set; } = true;

    public void SetState(string newState, string newFinalStatus)
    {
        lock (gate)
        {
            state = newState;
            finalStatus = newFinalStatus;
        }
    }

    public IReadOnlyList<string> Log => log.Lines;

    public void AppendLog(params string[] lines) => log.Append(lines);
}
