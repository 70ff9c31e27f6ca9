namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>Where one job of a bulk operation stands.</summary>
public enum BulkItemStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
