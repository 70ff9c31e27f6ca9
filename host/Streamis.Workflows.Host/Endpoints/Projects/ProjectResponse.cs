namespace Streamis.Workflows.Host.Endpoints.Projects;

public sealed record ProjectResponse(
    long Id,
    string Name,
    long? WorkspaceId,
    string CreateBy,
    DateTimeOffset CreateTime,
    IReadOnlyList<string> ReleaseUsers,
    IReadOnlyList<string> EditUsers,
    IReadOnlyList<string> AccessUsers);
