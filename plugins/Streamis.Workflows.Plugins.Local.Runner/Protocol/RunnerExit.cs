namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary><c>exit.json</c>: why the runner ended, written just before it exits on its own (not when it is killed).</summary>
internal sealed record RunnerExit(string Status, string Message, long LastSequence, DateTimeOffset At, string? Savepoint = null)
{
    public const string Stopped = "stopped";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
