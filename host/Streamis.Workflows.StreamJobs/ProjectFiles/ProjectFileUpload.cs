namespace Streamis.Workflows.StreamJobs.ProjectFiles;

/// <summary>What an upload names; <see cref="ReplaceExisting"/> is Streamis' <c>updateWhenExists</c>.</summary>
public sealed record ProjectFileUpload(string ProjectName, string FileName, string Version, string? Comment, bool ReplaceExisting, string User);
