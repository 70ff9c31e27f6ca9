namespace Streamis.Workflows.StreamJobs.Models;

internal static class UnixMs
{
    public static long Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? At(long? ms) => ms is { } value ? At(value) : null;
}
