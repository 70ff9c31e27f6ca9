namespace Streamis.Workflows.StreamJobs.Models;

public sealed record ProjectMember(long ProjectId, string UserName, ProjectPrivilege Privilege);
