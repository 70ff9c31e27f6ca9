namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>A bulk operation with its items in request order; the counts are read off the items as they stand.</summary>
public sealed record BulkRun(string InstanceId, string Operation, DateTimeOffset CreateTime, IReadOnlyList<BulkItem> Items)
{
    public int Total => Items.Count;

    public int Succeeded => Items.Count(i => i.Status == BulkItemStatus.Succeeded);

    public int Failed => Items.Count(i => i.Status == BulkItemStatus.Failed);

    public int Done => Succeeded + Failed;
}
