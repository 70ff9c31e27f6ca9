namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>A version's resource file; <see cref="StorePath"/> is relative to the file store root.</summary>
public sealed record JobVersionFile(long Id, long JobId, long JobVersionId, string FileName, string Version, string StorePath, long Size);
