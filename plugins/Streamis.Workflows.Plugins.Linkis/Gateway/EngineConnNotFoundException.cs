namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>Linkis no longer knows the EngineConn (AM error 210003, "Not exists EngineConn"): it has ended and been cleaned up.</summary>
internal sealed class EngineConnNotFoundException(string call, string message, int? httpStatus, int? linkisStatus, string? linkisMessage)
    : LinkisException(call, message, httpStatus, linkisStatus, linkisMessage)
{
    public const string Marker = "Not exists EngineConn";
}
