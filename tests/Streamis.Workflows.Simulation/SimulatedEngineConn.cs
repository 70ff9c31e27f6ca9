using System.Text.Json.Nodes;

namespace Streamis.Workflows.Simulation;

/// <summary>
/// A once-mode EngineConn the simulation created: who owns it, what it was launched with, its status, its client log
/// and its YARN application. Tests read and change it; the simulation answers from it. Thread-safe.
/// </summary>
public sealed class SimulatedEngineConn
{
    private readonly object gate = new();
    private readonly SimulatedLog log = new();
    private string status = "Starting";

    internal SimulatedEngineConn(int number, string instance, string ticketId, string owner, string manager, JsonObject request, SimulatedYarnApplication application)
    {
        Number = number;
        Instance = instance;
        TicketId = ticketId;
        Owner = owner;
        ManagerInstance = manager;
        Request = request;
        Application = application;
    }

    public int Number { get; }

    /// <summary>The service instance (<c>host:port</c>) of application <c>linkis-cg-engineconn</c>.</summary>
    public string Instance { get; }

    public string TicketId { get; }

    /// <summary>The <c>Token-User</c> that created it.</summary>
    public string Owner { get; }

    /// <summary>The ECM (<c>linkis-cg-engineconnmanager</c>) instance that serves its logs.</summary>
    public string ManagerInstance { get; }

    /// <summary>The <c>createEngineConn</c> body it was created from.</summary>
    public JsonObject Request { get; }

    public JsonObject Labels => (JsonObject)Request["labels"]!;

    public JsonObject Properties => (JsonObject)Request["properties"]!;

    public SimulatedYarnApplication Application { get; }

    /// <summary>Linkis' nodeStatus: Starting, Running, Unlock, Idle, Busy, Success, Failed, ShuttingDown...</summary>
    public string Status
    {
        get { lock (gate) return status; }
        set { lock (gate) status = value; }
    }

    /// <summary>Killed through <c>killEngineConn</c>: Linkis no longer knows it, its manager still has its log.</summary>
    public bool Killed { get; internal set; }

    /// <summary>Gone from Linkis without a kill (<see cref="LinkisSimulation.LoseEngineConn"/>).</summary>
    public bool Lost { get; internal set; }

    internal int StatusPolls;
    internal bool StartupDone;
    internal int ApplicationInfoCalls;

    public IReadOnlyList<string> ClientLog => log.Lines;

    public void AppendLog(params string[] lines) => log.Append(lines);

    internal bool IsKnown => !Killed && !Lost;
}
