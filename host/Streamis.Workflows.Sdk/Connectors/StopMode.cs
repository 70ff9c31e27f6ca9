namespace Streamis.Workflows.Sdk.Connectors;

public enum StopMode
{
    /// <summary>Kill at once; state since the last checkpoint may be lost.</summary>
    Direct,

    /// <summary>Savepoint, then kill (Streamis' snapshot-and-stop).</summary>
    SavepointThenStop,

    /// <summary>The engine's own atomic stop-with-savepoint (Flink <c>mode=stop</c>), where it has one.</summary>
    StopWithSavepoint,
}
