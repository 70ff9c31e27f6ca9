namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>What createOrUpdate and upload produced: the job and its new version.</summary>
public sealed record JobSaveResult(long JobId, long JobVersionId, string Version, bool Created);
