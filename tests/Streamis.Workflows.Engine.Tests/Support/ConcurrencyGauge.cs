namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>How many <see cref="Measured"/> activities of each instance run at the same moment, and the most seen at once.</summary>
public static class ConcurrencyGauge
{
    private static readonly Dictionary<string, (int Current, int Max)> gauges = [];

    public static void Enter(string instanceId)
    {
        lock (gauges)
        {
            var (current, max) = gauges.GetValueOrDefault(instanceId);
            current++;
            gauges[instanceId] = (current, Math.Max(current, max));
        }
    }

    public static void Exit(string instanceId)
    {
        lock (gauges)
        {
            var (current, max) = gauges.GetValueOrDefault(instanceId);
            gauges[instanceId] = (current - 1, max);
        }
    }

    public static int Current(string instanceId)
    {
        lock (gauges) return gauges.GetValueOrDefault(instanceId).Current;
    }

    public static int Max(string instanceId)
    {
        lock (gauges) return gauges.GetValueOrDefault(instanceId).Max;
    }
}
