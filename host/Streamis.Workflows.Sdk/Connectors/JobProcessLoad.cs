namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// The load of one of a job's processes (<see cref="Type"/>: jobManager, taskManager, runner...): memory in use and
/// available, and garbage-collection time; what the engine does not measure is null.
/// </summary>
public sealed record JobProcessLoad(
    string Type,
    string Host,
    long MemoryBytes,
    long? TotalMemoryBytes = null,
    TimeSpan? GcTotalTime = null,
    TimeSpan? GcLastPause = null,
    DateTimeOffset? GcLastTime = null);
