namespace Streamis.Workflows.Engine.Execution;

/// <summary>An unhandled activity failure that faulted the instance.</summary>
public sealed record Incident(
    string ActivityId,
    string ActivityType,
    int FrameId,
    string Message,
    string ErrorType,
    DateTimeOffset Timestamp);
