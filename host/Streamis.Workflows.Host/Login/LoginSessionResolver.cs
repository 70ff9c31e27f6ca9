using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Host.Login;

/// <summary>
/// Signs in a browser holding a session cookie this host issued at <c>/user/login</c>, through the same resolver chain
/// the Linkis and DSS plugins use for their sessions. A cookie it cannot open is left to the next resolver (a Linkis
/// gateway's own ticket has the same cookie name).
/// </summary>
public sealed class LoginSessionResolver(SessionTicket tickets, LoginOptions options) : IUserResolver
{
    public Task<ResolvedUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.Cookies.TryGetValue(SessionTicket.CookieName, out var cookie)) return Task.FromResult<ResolvedUser?>(null);
        var userName = tickets.Read(cookie);
        // A user removed from the settings loses the sessions already issued.
        var user = userName is null ? null : options.Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal));
        return Task.FromResult(user is null ? null : new ResolvedUser(user.UserName, user.Roles));
    }
}
