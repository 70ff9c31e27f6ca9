namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>
/// One journal entry: an activity that ended (<see cref="Kind"/> Completed, Faulted, Retrying, Cancelled, with its
/// outcome or error) or a log message (Kind Log, with its severity).
/// </summary>
public sealed record WorkflowJournalLine(
    DateTimeOffset Timestamp,
    string ActivityId,
    string ActivityType,
    string Kind,
    string? Outcome,
    double? DurationMs,
    string? Message,
    string? Severity);
