namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>What the engine says of a job now; <see cref="Metrics"/> holds figures it has (records processed, rate...).</summary>
public sealed record JobStatusReport(
    StreamTaskStatus Status,
    string? Message = null,
    string? ApplicationId = null,
    string? ApplicationUrl = null,
    IReadOnlyDictionary<string, string>? Metrics = null);
