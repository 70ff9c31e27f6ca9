namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One job of a bulk operation and how it went, updated as it goes so progress can be read while the run lasts.</summary>
public sealed class BulkItemEntity
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    /// <summary>Place in the request's list (0-based).</summary>
    public int Position { get; set; }

    /// <summary>Null when the id given could not be resolved to a job.</summary>
    public long? JobId { get; set; }

    public string? JobName { get; set; }

    /// <summary>The task acted on (stop, or a TASK-mode subject) or created (start).</summary>
    public long? TaskId { get; set; }

    /// <summary>Pending, Running, Succeeded or Failed.</summary>
    public string Status { get; set; } = "";

    public string? Message { get; set; }

    public string? SavepointPath { get; set; }

    public long UpdateTime { get; set; }
}
