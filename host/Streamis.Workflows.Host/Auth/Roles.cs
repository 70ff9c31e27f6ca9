namespace Streamis.Workflows.Host.Auth;

/// <summary>Host roles, each including the ones below it: admin ⊇ operator ⊇ viewer.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";

    public static IEnumerable<string> Implied(string role) => role switch
    {
        Admin => [Admin, Operator, Viewer],
        Operator => [Operator, Viewer],
        Viewer => [Viewer],
        _ => [],
    };
}
