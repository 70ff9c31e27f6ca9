using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>The gateway's authentication: token headers on API calls, session cookies on <c>/user/*</c> and as a fallback.</summary>
public sealed partial class LinkisSimulation
{
    public const string SessionCookie = "linkis_user_session_ticket_id_v1";
    private const string NotLoggedIn = "You are not logged in, please login first(您尚未登录，请先登录)!";

    private readonly ConcurrentDictionary<string, string> sessions = new(StringComparer.Ordinal);

    /// <summary>Signs a user in and returns the session ticket (the cookie's value).</summary>
    public string Login(string user)
    {
        var ticket = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        sessions[ticket] = user;
        return ticket;
    }

    /// <summary>Ends a session, as a logout or an expiry does.</summary>
    public void Logout(string ticket) => sessions.TryRemove(ticket, out _);

    private ResponseMessage? Authenticate(IRequestMessage request, string route)
    {
        var headers = request.Headers;
        var hasUser = headers?.ContainsKey("Token-User") == true;
        var hasCode = headers?.ContainsKey("Token-Code") == true;
        if (hasUser && hasCode)
        {
            var user = headers!["Token-User"].ToString();
            var code = headers["Token-Code"].ToString();
            if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(code))
                return Envelope(401, ApiPrefix + route, -1, "请在Header或Cookie中同时指定Token-Code 和 Token-User，以便完成token认证！", new JsonObject());
            if (code != Options.TokenCode)
                return Envelope(401, ApiPrefix + route, -1,
                    $"Token Authentication Failed, token: {code}，tokenUser: {user}, reason: errCode: 15201 ,desc: Token is not valid or stale! ,ip: {GatewayHost} ,port: {GatewayPort} ,serviceKind: linkis-mg-gateway",
                    new JsonObject());
            return null;
        }
        return IsSessionRequest(request) ? null : Envelope(401, ApiPrefix + route, -1, NotLoggedIn, new JsonObject());
    }

    private bool IsSessionRequest(IRequestMessage request) => SessionUser(request) is not null && request.Headers?.ContainsKey("Token-Code") != true;

    private string? SessionUser(IRequestMessage request) =>
        request.Cookies?.TryGetValue(SessionCookie, out var ticket) == true && sessions.TryGetValue(ticket, out var user) ? user : null;

    private ResponseMessage AnswerUser(IRequestMessage request, string route, JsonNode? json)
    {
        var user = SessionUser(request);
        switch (route)
        {
            case "user/userInfo":
                if (user is not null) return Envelope(200, null, 0, "get user information succeed!", new JsonObject { ["userName"] = user });
                var desc = request.Cookies?.ContainsKey(SessionCookie) == true
                    ? "Login has expired, please log in again!(登录已过期，请重新登录！)"
                    : "You are not logged in, please login first(您尚未登录，请先登录!)";
                return Envelope(400, ApiPrefix + route, 1,
                    $"errCode: 11002 ,desc: {desc} ,ip: {GatewayHost} ,port: {GatewayPort} ,serviceKind: linkis-mg-gateway", new JsonObject());
            case "user/login":
                var name = json?["userName"]?.ToString();
                var password = json?["password"]?.ToString();
                if (string.IsNullOrWhiteSpace(name)) return Envelope(400, null, 1, "Username can not be empty(用户名不能为空)！", new JsonObject());
                // The simulated LDAP accepts a user whose password is the user name (Linkis' admin default).
                if (password != name) return Envelope(400, null, 1, "wrong user name or password(用户名或密码错误)！", new JsonObject());
                var ticket = Login(name);
                var response = Envelope(200, null, 0, "login successful(登录成功)！", new JsonObject
                {
                    ["userName"] = name,
                    ["isAdmin"] = name == Options.AdminUser,
                    ["sessionTimeOut"] = 7_200_000,
                });
                response.AddHeader("Set-Cookie", $"{SessionCookie}={ticket}; Path=/");
                return response;
            default:
                return Envelope(400, ApiPrefix + route, 1, $"unknown request URI /api/rest_j/v1/{route}", new JsonObject());
        }
    }
}
