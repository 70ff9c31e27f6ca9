using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.StreamJobs.Models;

public sealed record AlertRecord(
    long Id,
    AlertLevel Level,
    string User,
    string Message,
    long? JobId,
    long? JobVersionId,
    long? TaskId,
    DateTimeOffset CreateTime,
    int Status,
    string? ErrorMsg);
