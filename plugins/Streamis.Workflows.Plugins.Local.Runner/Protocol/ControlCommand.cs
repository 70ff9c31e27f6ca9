namespace Streamis.Workflows.Plugins.Local.Protocol;

/// <summary>A request to a running runner, dropped as <c>control/&lt;id&gt;.cmd.json</c>; ids sort in the order they were made.</summary>
internal sealed record ControlCommand(string Id, string Kind, string? Directory)
{
    public const string Savepoint = "savepoint";

    /// <summary>Savepoint, then end at once: no event is written after the savepoint.</summary>
    public const string StopWithSavepoint = "stop-with-savepoint";

    public static string NewId() => $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}";
}
