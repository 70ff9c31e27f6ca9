namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>One job of a bulk operation: what it was asked about and how it went.</summary>
public sealed record BulkItem(
    int Position,
    long? JobId,
    string? JobName,
    long? TaskId,
    BulkItemStatus Status,
    string? Message,
    string? SavepointPath,
    DateTimeOffset UpdateTime);
