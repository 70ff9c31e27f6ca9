using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.StreamisRest;

namespace Streamis.Workflows.Host.Login;

/// <summary>
/// The Linkis gateway's <c>/api/rest_j/v1/user/*</c> for hosts without one, as the Streamis web UI calls them: publicKey
/// (no login encryption), login, userInfo, logout. Messages are Linkis' own texts.
/// </summary>
public static class LoginEndpoints
{
    public const string Prefix = "/api/rest_j/v1/user";

    public static void MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup(Prefix).WithTags("Login");
        user.MapGet("/publicKey", (HttpContext context) => LinkisMessage.Ok(context,
            new JsonObject { ["enableSSL"] = false, ["enableLoginEncrypt"] = false }, "Gain success(获取成功)！")).AllowAnonymous();
        // Linkis takes login by any method, from the query string or a JSON body.
        user.MapMethods("/login", ["GET", "POST"], LoginAsync).AllowAnonymous();
        user.MapGet("/userInfo", (HttpContext context) => LinkisMessage.Ok(context,
            new JsonObject { ["userName"] = StreamisPrivileges.UserName(context.User) }, "get user information succeed!")).RequireAuthorization(Policies.Streamis);
        user.MapMethods("/logout", ["GET", "POST"], Logout).AllowAnonymous();
    }

    private static async Task<IResult> LoginAsync(HttpContext context, LoginOptions options, SessionTicket tickets, LoginThrottle throttle,
        ILogger<LoginSessionResolver> logger, CancellationToken ct)
    {
        var (userName, password) = await CredentialsAsync(context.Request, ct);
        var sessionTimeOut = (long)options.SessionDuration.TotalMilliseconds;
        IResult Refuse(string message) => LinkisMessage.Error(context, message, new JsonObject { ["sessionTimeOut"] = sessionTimeOut });
        if (string.IsNullOrWhiteSpace(userName)) return Refuse("Username can not be empty(用户名不能为空)！");
        if (string.IsNullOrEmpty(password)) return Refuse("Password can not be blank(密码不能为空)！");
        userName = userName.Trim();
        if (tickets.Read(context.Request.Cookies[SessionTicket.CookieName]) is { } current)
            return LinkisMessage.Ok(context, new JsonObject { ["userName"] = current },
                $"{current}Already logged in, please log out before signing in(已经登录，请先退出再进行登录)！");
        if (throttle.HeldFor(userName) is { } hold)
        {
            logger.LogWarning("Login of {User} refused: too many failed attempts", userName);
            return Refuse($"too many failed logins for {userName}; try again in {Math.Ceiling(hold.TotalSeconds)} seconds");
        }
        // The web UI lower-cases what the user typed, so names match regardless of case.
        var user = options.Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (!PasswordCheck.Matches(user, password))
        {
            throttle.Failed(userName);
            logger.LogWarning("Login of {User} failed: wrong user name or password", userName);
            return Refuse("wrong user name or password(用户名或密码错误)！");
        }
        throttle.Succeeded(userName);
        var (ticket, expires) = tickets.Issue(user!.UserName, options.SessionDuration);
        context.Response.Cookies.Append(SessionTicket.CookieName, ticket, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/", Expires = expires, IsEssential = true,
        });
        logger.LogInformation("{User} logged in", user.UserName);
        return LinkisMessage.Ok(context, new JsonObject
        {
            ["userName"] = user.UserName,
            ["isAdmin"] = user.Roles.Contains(Roles.Admin, StringComparer.Ordinal),
            ["sessionTimeOut"] = sessionTimeOut,
        }, "login successful(登录成功)！");
    }

    private static IResult Logout(HttpContext context, SessionTicket tickets)
    {
        tickets.Revoke(context.Request.Cookies[SessionTicket.CookieName]);
        context.Response.Cookies.Delete(SessionTicket.CookieName, new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/" });
        return LinkisMessage.Ok(context, message: "Logout successful(退出登录成功)！");
    }

    private static async Task<(string? UserName, string? Password)> CredentialsAsync(HttpRequest request, CancellationToken ct)
    {
        string? Query(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()) return (Query("userName"), Query("password"));
        var body = await StreamisBody.ReadObjectAsync(request, ct);
        string? Field(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return (Field("userName") ?? Query("userName"), Field("password") ?? Query("password"));
    }
}
