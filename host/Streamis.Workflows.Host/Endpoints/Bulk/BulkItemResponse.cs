namespace Streamis.Workflows.Host.Endpoints.Bulk;

/// <summary>One job of a bulk run: Pending, Running, Succeeded or Failed, with the reason of a failure and the savepoint taken.</summary>
public sealed record BulkItemResponse(long? JobId, string? JobName, long? TaskId, string Status, string? Message, string? SavepointPath);
