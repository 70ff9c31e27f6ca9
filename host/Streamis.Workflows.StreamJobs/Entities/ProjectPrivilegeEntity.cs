namespace Streamis.Workflows.StreamJobs.Entities;

/// <summary>One (project, user, rank) grant; rank 1 release, 2 edit, 3 access.</summary>
public sealed class ProjectPrivilegeEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public string UserName { get; set; } = "";

    public int Privilege { get; set; }
}
