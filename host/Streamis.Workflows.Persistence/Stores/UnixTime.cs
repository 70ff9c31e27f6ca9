namespace Streamis.Workflows.Persistence.Stores;

/// <summary>Times as stored by every module: Unix milliseconds, comparable and indexable on both providers.</summary>
public static class UnixTime
{
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? At(long? ms) => ms is { } value ? At(value) : null;
}
