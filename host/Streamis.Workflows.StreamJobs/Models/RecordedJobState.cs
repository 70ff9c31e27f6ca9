using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>A checkpoint or savepoint with the task that wrote it.</summary>
public sealed record RecordedJobState(long Id, long JobId, long TaskId, JobState State);
