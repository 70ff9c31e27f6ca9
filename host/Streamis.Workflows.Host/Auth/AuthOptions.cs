namespace Streamis.Workflows.Host.Auth;

/// <summary>The <c>Auth</c> section: tokens accepted as Linkis-style headers or as a bearer token.</summary>
public sealed class AuthOptions
{
    public const string BootstrapVariable = "STREAMIS_BOOTSTRAP_TOKEN";

    public List<TokenOptions> Tokens { get; set; } = [];
}

public sealed class TokenOptions
{
    /// <summary>The user the token stands for.</summary>
    public string User { get; set; } = "";

    public string Code { get; set; } = "";

    public List<string> Roles { get; set; } = [Auth.Roles.Viewer];

    /// <summary>
    /// A gateway token (like Linkis' own) that may act for the user named in Token-User; otherwise Token-User
    /// must be <see cref="User"/>.
    /// </summary>
    public bool AllowImpersonation { get; set; }
}
