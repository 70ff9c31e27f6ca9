namespace Streamis.Workflows.StreamJobs.Models;

public sealed record StreamJob(
    long Id,
    string ProjectName,
    string Name,
    string JobType,
    string EngineName,
    string? Label,
    string? Description,
    string CreateBy,
    DateTimeOffset CreateTime,
    string SubmitUser,
    string? WorkspaceName);
