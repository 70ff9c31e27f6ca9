namespace Streamis.Workflows.Host.Endpoints.Bulk;

/// <summary>
/// A bulk run as it stands: <see cref="Status"/> is its workflow instance's status; <see cref="Done"/> counts the jobs
/// that have succeeded or failed. <see cref="Items"/> is null when the caller asked for the counts alone.
/// </summary>
public sealed record BulkRunResponse(
    string InstanceId,
    string Operation,
    string Status,
    int Total,
    int Done,
    int Succeeded,
    int Failed,
    IReadOnlyList<BulkItemResponse>? Items);
