namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>
/// <c>status.json</c>, rewritten by the runner every half second: it exists once the runner has opened its output (it
/// has started), and <see cref="EventsWritten"/> above zero means events are flowing. The memory and GC figures are the
/// runner process's own, for the job's details.
/// </summary>
internal sealed record RunnerStatus(
    int ProcessId,
    DateTimeOffset StartedAt,
    long FirstSequence,
    long LastSequence,
    long EventsWritten,
    double EventsPerSecond,
    int Checkpoints,
    string? LastCheckpoint,
    DateTimeOffset UpdatedAt,
    long WorkingSetBytes = 0,
    long TotalAvailableMemoryBytes = 0,
    double GcPauseMilliseconds = 0);
