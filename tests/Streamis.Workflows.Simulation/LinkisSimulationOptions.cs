namespace Streamis.Workflows.Simulation;

/// <summary>How the simulated Linkis behaves; every value can be changed while it runs through <see cref="LinkisSimulation.Options"/>.</summary>
public sealed class LinkisSimulationOptions
{
    /// <summary>The token the gateway accepts as <c>Token-Code</c>.</summary>
    public string TokenCode { get; set; } = "SIM-AUTH";

    /// <summary>The Linkis release it plays: 1.1.1 has no <c>doSavepoint</c>, 1.1.2 no <c>engineConnYarnLog</c>.</summary>
    public string LinkisVersion { get; set; } = "1.1.3";

    /// <summary>The Linkis admin (<c>wds.linkis.governance.station.admin</c>), who may act on anyone's EngineConn.</summary>
    public string AdminUser { get; set; } = "hadoop";

    /// <summary>How many <c>getEngineConn</c> calls a new EngineConn answers <c>Starting</c> before it takes <see cref="StartupStatus"/>.</summary>
    public int PollsUntilStarted { get; set; } = 1;

    /// <summary>The status a new EngineConn reaches after starting (<c>Running</c>, or <c>Failed</c> to play a launch that fails).</summary>
    public string StartupStatus { get; set; } = "Running";

    /// <summary>How many <c>engineConnYarnApplication</c> calls of a new EngineConn fail before it knows its YARN application.</summary>
    public int ApplicationInfoFailures { get; set; }

    /// <summary>Whether every request is kept for <see cref="LinkisSimulation.Requests"/>; benchmarks turn it off.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>The clock of modification times, start times and savepoint names.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
