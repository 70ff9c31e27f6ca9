namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>Streamis' error codes this plugin answers with itself (the host's refusals bring their own).</summary>
internal static class StreamisCodes
{
    public const int ProjectNotFound = 600501;
    public const int ProjectInvalid = 600502;
    public const int NoPrivilege = 600503;
}
