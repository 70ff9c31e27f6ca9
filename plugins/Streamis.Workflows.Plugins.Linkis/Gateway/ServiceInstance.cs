namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>A Linkis service instance: an EngineConn (<c>linkis-cg-engineconn</c>) or its manager (<c>linkis-cg-engineconnmanager</c>).</summary>
internal sealed record ServiceInstance(string ApplicationName, string Instance)
{
    public const string EngineConnApplication = "linkis-cg-engineconn";
    public const string EngineConnManagerApplication = "linkis-cg-engineconnmanager";

    public override string ToString() => $"{ApplicationName}/{Instance}";
}
