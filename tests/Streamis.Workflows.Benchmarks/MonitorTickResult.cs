namespace Streamis.Workflows.Benchmarks;

/// <summary>Timed monitor ticks (<see cref="LinkisMonitorTick"/>) over that many running tasks, beside the ideal.</summary>
public sealed record MonitorTickResult(int Tasks, int Running, int LatencyMs, IReadOnlyList<double> TickMs, double IdealMs);
