using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>Streamis' reading of an EngineConn's <c>nodeStatus</c> (§3), case-insensitive.</summary>
internal static class NodeStatusMap
{
    public static StreamTaskStatus? ToTaskStatus(string? nodeStatus) => nodeStatus?.Trim().ToLowerInvariant() switch
    {
        "starting" or "unlock" or "locked" or "idle" or "busy" or "running" => StreamTaskStatus.Running,
        "success" => StreamTaskStatus.Completed,
        "failed" or "shuttingdown" => StreamTaskStatus.Failed,
        _ => null,
    };

    /// <summary>What the Linkis client waits for after a create: a running or a completed EngineConn ("Starting" is neither).</summary>
    public static bool HasStarted(string? nodeStatus) =>
        nodeStatus?.Trim().ToLowerInvariant() is "unlock" or "running" or "idle" or "busy" or "success" or "failed";
}
