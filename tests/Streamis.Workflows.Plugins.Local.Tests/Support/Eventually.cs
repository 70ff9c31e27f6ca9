using System.Diagnostics;

namespace Streamis.Workflows.Plugins.Local.Tests.Support;

/// <summary>Polls until a condition holds: real processes take their own time, so tests wait for facts, not for durations.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (holds(value)) return value;
            if (clock.Elapsed > limit) throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
