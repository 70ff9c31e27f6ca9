namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A bulk operation over many jobs: one per workflow instance that runs it.</summary>
public sealed class BulkRunEntity
{
    /// <summary>The workflow instance that runs the operation.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary><c>start</c>, <c>stop</c> or <c>restart</c>.</summary>
    public string Operation { get; set; } = "";

    public int Total { get; set; }

    public long CreateTime { get; set; }
}
