namespace Streamis.Workflows.Benchmarks;

/// <summary>One timed bulk start (<see cref="LinkisBulkStart"/>): what it took beside the ideal for its latency and parallelism.</summary>
public sealed record BulkStartResult(
    int Jobs,
    int Parallelism,
    int LatencyMs,
    int Succeeded,
    double MeasuredMs,
    double IdealMs,
    double CallsPerLaunch,
    TimeSpan HostCpu,
    double WorkingSetBeforeMb,
    double WorkingSetAfterMb);
