namespace Streamis.Workflows.StreamJobs.Models;

public sealed record Project(
    long Id,
    string Name,
    long? WorkspaceId,
    string CreateBy,
    DateTimeOffset CreateTime,
    string? LastUpdateBy,
    DateTimeOffset? LastUpdateTime,
    bool IsDeleted);
