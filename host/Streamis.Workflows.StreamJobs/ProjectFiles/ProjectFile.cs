namespace Streamis.Workflows.StreamJobs.ProjectFiles;

/// <summary>One version of a project resource file; <see cref="StorePath"/> is relative to the file store root.</summary>
public sealed record ProjectFile(
    long Id, string ProjectName, string FileName, string Version, string StorePath, string StoreType, long Size, string? Comment,
    string CreateBy, DateTimeOffset CreateTime, DateTimeOffset UpdateTime);
