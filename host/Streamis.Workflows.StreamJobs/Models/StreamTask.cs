using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Models;

public sealed record StreamTask(
    long Id,
    long JobId,
    long JobVersionId,
    string Version,
    StreamTaskStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset LastUpdateTime,
    string? ErrDesc,
    string SubmitUser,
    string EngineName,
    JobHandle? Handle)
{
    public bool IsCompleted => TaskStatuses.IsCompleted(Status);

    /// <summary>A launch was handed to the engine and its host stopped before the engine's handle was recorded.</summary>
    public bool LaunchUnresolved { get; init; }
}
