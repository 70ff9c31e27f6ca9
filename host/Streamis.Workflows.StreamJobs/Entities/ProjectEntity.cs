namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>A project (Streamis <c>linkis_stream_project</c>); deleted projects stay as rows.</summary>
public sealed class ProjectEntity
{
    public long Id { get; set; }

    public long? WorkspaceId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Equals <see cref="Name"/> while the project lives, NULL once deleted: a unique index on it keeps live names unique and lets a deleted name be reused.</summary>
    public string? ActiveName { get; set; }

    public string CreateBy { get; set; } = "";

    public long CreateTime { get; set; }

    public string? LastUpdateBy { get; set; }

    public long? LastUpdateTime { get; set; }

    public bool IsDeleted { get; set; }
}
