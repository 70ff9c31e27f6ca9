namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One configuration value of a job; key unique per job.</summary>
public sealed class JobConfigEntity
{
    public long JobId { get; set; }

    public string Key { get; set; } = "";

    public string? JobName { get; set; }

    public string Value { get; set; } = "";

    /// <summary>The definition: the leaf's own, or the group's for free keys (custom Flink parameters).</summary>
    public long RefDefId { get; set; }
}
