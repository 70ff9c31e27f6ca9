using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>A job as the list shows it: status is that of the latest version's latest task, NotStarted (0) without one.</summary>
public sealed record JobListItem(StreamJob Job, long ProjectId, string? Version, DateTimeOffset? LastVersionTime, StreamTaskStatus Status, long? LatestTaskId);
