namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A stream job, unique per (project, name).</summary>
public sealed class JobEntity
{
    public long Id { get; set; }

    public string ProjectName { get; set; } = "";

    public string Name { get; set; } = "";

    public string JobType { get; set; } = "";

    /// <summary>The connector that runs it (<c>linkis-flink</c>, <c>local</c>).</summary>
    public string EngineName { get; set; } = "";

    public string? Label { get; set; }

    public string? Description { get; set; }

    public string CreateBy { get; set; } = "";

    public long CreateTime { get; set; }

    public string SubmitUser { get; set; } = "";

    public string? WorkspaceName { get; set; }
}
