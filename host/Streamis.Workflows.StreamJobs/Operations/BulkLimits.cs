namespace Streamis.Workflows.StreamJobs.Operations;

/// <summary>Bounds of a bulk operation's parallelism, for the settings and for a request that names its own.</summary>
public static class BulkLimits
{
    public const int MaxParallelism = 200;
}
