namespace Streamis.Workflows.Persistence.Entities;

/// <summary>
/// A journal line as written before lines were batched per commit (<see cref="JournalBatchEntity"/>); kept so that
/// journals of older instances stay readable.
/// </summary>
public sealed class JournalEntity
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public long Sequence { get; set; }

    public string ActivityId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public int FrameId { get; set; }

    public string Kind { get; set; } = "";

    public long Timestamp { get; set; }

    public long? StartedAt { get; set; }

    public double? DurationMs { get; set; }

    public string? Outcome { get; set; }

    public int Attempt { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ErrorType { get; set; }

    public string? Message { get; set; }

    public string? Severity { get; set; }

    public string? Data { get; set; }

    /// <summary>The node that ran the activity.</summary>
    public string? NodeId { get; set; }
}
