namespace Streamis.Workflows.Sdk.Connectors;

public sealed record Alert(
    AlertLevel Level,
    string Title,
    string Message,
    IReadOnlyList<string> Users,
    DateTimeOffset Time,
    long? JobId = null,
    long? TaskId = null,
    string? ProjectName = null,
    string? JobName = null);
