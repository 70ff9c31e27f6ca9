namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// A cluster application as its resource manager reports it: YARN's <see cref="State"/> (RUNNING, FINISHED, FAILED,
/// KILLED...) and <see cref="FinalStatus"/> (SUCCEEDED, FAILED, KILLED, UNDEFINED), and the task status they amount to
/// (null while the application has not ended).
/// </summary>
public sealed record ApplicationReport(
    string ApplicationId,
    string State,
    string? FinalStatus,
    StreamTaskStatus? Status,
    string? Diagnostics = null,
    string? TrackingUrl = null);
