namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>What a bulk operation names per item: a job (JOB mode) or one of its tasks (TASK mode).</summary>
public sealed record BulkSubject(long? JobId, long? TaskId);
