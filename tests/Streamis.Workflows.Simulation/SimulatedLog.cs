namespace Streamis.Workflows.Simulation;

/// <summary>A log file the simulation serves (an EngineConn's <c>stdout</c>, an application master's log): lines appended by anyone, read whole.</summary>
public sealed class SimulatedLog
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (lines) return [.. lines]; }
    }

    public void Append(params string[] more)
    {
        lock (lines) lines.AddRange(more);
    }
}
