namespace Streamis.Workflows.Benchmarks;

/// <summary>Percentiles of a set of timings in milliseconds (nearest rank).</summary>
public sealed record LatencySample(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySample Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySample(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }

    public override string ToString() => $"p50 {P50:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.00} ms over {Count}";
}
