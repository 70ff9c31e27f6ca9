namespace Streamis.Workflows.StreamJobs.Models;

/// <summary>The job types the host accepts and the engine each runs on.</summary>
public static class JobTypes
{
    public const string FlinkSql = "flink.sql";
    public const string FlinkJar = "flink.jar";
    public const string Local = "local";

    public const string LinkisFlinkEngine = "linkis-flink";
    public const string LocalEngine = "local";

    public static bool IsKnown(string jobType) => jobType is FlinkSql or FlinkJar or Local;

    public static string EngineFor(string jobType) => jobType == Local ? LocalEngine : LinkisFlinkEngine;
}
