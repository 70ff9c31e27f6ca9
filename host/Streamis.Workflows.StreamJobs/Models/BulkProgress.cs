namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>The counts of a bulk run without its items: what a progress bar polls for.</summary>
public sealed record BulkProgress(string InstanceId, string Operation, int Total, int Succeeded, int Failed)
{
    public int Done => Succeeded + Failed;
}
