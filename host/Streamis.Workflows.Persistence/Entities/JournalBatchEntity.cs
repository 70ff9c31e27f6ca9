namespace Streamis.Workflows.Persistence.Entities;

/// <summary>
/// The journal lines one commit wrote, as a JSON array: one row per commit instead of one per line, so writing the
/// journal costs a run next to nothing. (instance, first sequence) is unique, so a run that lost its lease cannot
/// add its lines a second time.
/// </summary>
public sealed class JournalBatchEntity
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public long FirstSequence { get; set; }

    public long LastSequence { get; set; }

    /// <summary>The node that ran these activities.</summary>
    public string? NodeId { get; set; }

    public long CreatedAt { get; set; }

    public string Lines { get; set; } = "[]";
}
