namespace Streamis.Workflows.Host.Endpoints.Bulk;

/// <summary>The answer to a bulk start: the workflow instance to follow with <c>GET /api/bulk/{instanceId}</c>.</summary>
public sealed record BulkStarted(string InstanceId);
