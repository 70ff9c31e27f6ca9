namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>Claims the host puts on a signed-in caller besides its name.</summary>
public static class HostClaims
{
    /// <summary>The DSS workspace a request came from, when a user resolver named one.</summary>
    public const string Workspace = "workspace";

    /// <summary>The host role that holds every privilege (a role claim; admin ⊇ operator ⊇ viewer).</summary>
    public const string AdminRole = "admin";
}
