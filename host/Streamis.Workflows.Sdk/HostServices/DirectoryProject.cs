namespace Streamis.Workflows.Sdk.HostServices;

public sealed record DirectoryProject(long Id, string Name, long? WorkspaceId, string CreateBy, bool IsDeleted);
