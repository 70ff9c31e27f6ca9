namespace Streamis.Workflows.Sdk.Connectors;

/// <summary>
/// What a launcher needs to find a launched job again, after a host restart too: the engine, its id for the
/// job (for Linkis the once-job id) and engine-specific properties (EngineConn and ECM instances, YARN app).
/// </summary>
public sealed record JobHandle(string Engine, string Id, IReadOnlyDictionary<string, string> Properties)
{
    public string? Get(string key) => Properties.TryGetValue(key, out var value) ? value : null;
}
