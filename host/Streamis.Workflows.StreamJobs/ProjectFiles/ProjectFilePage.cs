namespace Streamis.Workflows.StreamJobs.ProjectFiles;

/// <summary>A page of files and the number of rows on every page together.</summary>
public sealed record ProjectFilePage(IReadOnlyList<ProjectFile> Files, long Total);
