namespace Streamis.Workflows.Benchmarks;

/// <summary>What <see cref="SuspendedInstances"/> measured: memory with the instances held, and the signal-resume latency beside its floors.</summary>
public sealed record SuspendedInstancesResult(
    int Instances,
    ResidentMemory Idle,
    ResidentMemory Holding,
    TimeSpan FillTime,
    LatencySample SignalResume,
    LatencySample SignalAnswer,
    LatencySample InstanceRead,
    LatencySample WriteFloor);
