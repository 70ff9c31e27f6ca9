namespace Streamis.Workflows.Engine.Execution;

/// <summary>
/// A point where the instance waits. Timers (Delay, retry back-off) carry <see cref="ResumeAt"/>; signals are
/// found by <see cref="Name"/> + <see cref="Key"/>.
/// </summary>
public sealed class BookmarkState
{
    public const string RetryName = "Retry";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Key { get; set; }

    public int FrameId { get; set; }

    public string ActivityId { get; set; } = "";

    public DateTimeOffset? ResumeAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsTimer => ResumeAt is not null;
}
