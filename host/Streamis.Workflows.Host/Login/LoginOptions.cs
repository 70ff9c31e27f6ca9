namespace Streamis.Workflows.Host.Login;

/// <summary>
/// The <c>Login</c> section: users who may sign in with a password through <c>/api/rest_j/v1/user/login</c>, for hosts
/// without a Linkis gateway. Passwords are stored as hashes made by <c>hash-password</c>, never in plain text.
/// </summary>
public sealed class LoginOptions
{
    public const string Section = "Login";

    public List<LoginUser> Users { get; set; } = [];

    /// <summary>How long a session cookie stays valid.</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed logins of one user name before further attempts are held off.</summary>
    public int FailuresBeforeHold { get; set; } = 5;

    /// <summary>The first hold; it doubles with every further failure, up to <see cref="MaxHold"/>.</summary>
    public TimeSpan FirstHold { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class LoginUser
{
    public string UserName { get; set; } = "";

    /// <summary>A PBKDF2 hash in ASP.NET Core Identity's format, as printed by <c>hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [Auth.Roles.Viewer];
}
