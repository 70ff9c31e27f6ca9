namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A checkpoint or savepoint written by a task.</summary>
public sealed class JobStateEntity
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public long TaskId { get; set; }

    /// <summary><c>checkpoint</c> or <c>savepoint</c>.</summary>
    public string Kind { get; set; } = "";

    public string Location { get; set; } = "";

    /// <summary>When the state was written (Unix ms).</summary>
    public long Timestamp { get; set; }

    public long CreateTime { get; set; }
}
