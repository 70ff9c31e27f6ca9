using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Execution;

public enum JournalEventKind
{
    Completed,
    Faulted,

    /// <summary>Failed, and a retry is scheduled.</summary>
    Retrying,
    Cancelled,

    /// <summary>A message written by the Log activity or <see cref="ActivityContext.Log"/>.</summary>
    Log,
}

/// <summary>One line of an instance's execution journal: an activity execution that ended, or a log message.</summary>
public sealed record JournalEntry(
    long Sequence,
    string InstanceId,
    string ActivityId,
    string ActivityType,
    int FrameId,
    JournalEventKind Kind,
    DateTimeOffset Timestamp,
    DateTimeOffset? StartedAt,
    double? DurationMs,
    string? Outcome,
    int Attempt,
    string? ErrorMessage = null,
    string? ErrorType = null,
    string? Message = null,
    LogSeverity? Severity = null,
    object? Data = null)
{
    /// <summary>The host node that ran it, when read back from a durable store.</summary>
    public string? NodeId { get; init; }
}
