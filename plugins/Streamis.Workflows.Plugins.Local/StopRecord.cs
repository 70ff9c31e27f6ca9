namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// <c>stop.json</c>, written by the launcher before it kills a runner: a killed process cannot say why it ended, so
/// this is what tells "stopped by us" apart from "died".
/// </summary>
internal sealed record StopRecord(string Mode, string? Savepoint, DateTimeOffset At)
{
    public const string FileName = "stop.json";
}
