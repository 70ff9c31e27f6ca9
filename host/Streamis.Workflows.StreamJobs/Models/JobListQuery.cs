namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Streamis' job list filters: name contains, status code, creator; pages count from 1.</summary>
public sealed record JobListQuery(
    string ProjectName,
    string? JobName = null,
    int? Status = null,
    string? Creator = null,
    int Page = 1,
    int PageSize = 20);
