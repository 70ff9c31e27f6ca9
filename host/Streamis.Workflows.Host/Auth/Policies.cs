namespace Streamis.Workflows.Host.Auth;

/// <summary>Authorisation policies by what an endpoint does.</summary>
public static class Policies
{
    /// <summary>Read anything (viewer and up).</summary>
    public const string Read = "read";

    /// <summary>Start, cancel, retry, signal (operator and up).</summary>
    public const string Operate = "operate";

    /// <summary>Definitions and plugins (admin).</summary>
    public const string Administer = "administer";

    /// <summary>The Streamis API: any signed-in user; what they may do there is decided by Streamis project privileges.</summary>
    public const string Streamis = "streamis";
}
