namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>A page of log lines: from a line, or the last rows; keywords comma-separated as Streamis takes them.</summary>
public sealed record JobLogRequest(
    string LogType,
    int FromLine = 1,
    int PageSize = 100,
    string? IgnoreKeywords = null,
    string? OnlyKeywords = null,
    int? LastRows = null);
