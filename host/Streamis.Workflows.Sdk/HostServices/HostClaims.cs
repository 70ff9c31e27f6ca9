namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Claims the host puts on a signed-in caller besides name and roles.</summary>
public static class HostClaims
{
    /// <summary>The DSS workspace a request came from, when a user resolver named one.</summary>
    public const string Workspace = "workspace";
}
