using Microsoft.AspNetCore.Http;

namespace Streamis.Workflows.Plugins.Dss.Sso;

/// <summary>
/// What a request carries of a DSS session. A DSS hand-off is a request with a <c>dssurl</c> query parameter (browser
/// jumps and DSS' server-to-server calls alike): its <c>cookies</c> parameter (<c>k1=v1;k2=v2</c>) and its real
/// cookies hold the Linkis ticket and the workspace cookies, and <c>workspace</c> names the workspace. After the
/// browser entry (<see cref="SsoEntryEndpoint"/>) the ticket comes back in this plugin's own session cookie.
/// </summary>
internal sealed record DssHandoff(string? Ticket, string? Workspace)
{
    public const string SessionCookie = "streamis_dss_ticket";
    public const string WorkspaceCookie = "streamis_dss_workspace";

    /// <summary>Null when the request is neither a hand-off nor a signed-in browser session of this plugin.</summary>
    public static DssHandoff? From(HttpRequest request, string ticketCookie)
    {
        if (request.Query.ContainsKey("dssurl"))
        {
            var forwarded = Cookies(request.Query["cookies"].ToString());
            string? Cookie(string name) => NonEmpty(forwarded.GetValueOrDefault(name)) ?? NonEmpty(request.Cookies[name]);
            return new DssHandoff(Cookie(ticketCookie), NonEmpty(request.Query["workspace"].ToString()) ?? Cookie("workspaceName"));
        }
        if (NonEmpty(request.Cookies[SessionCookie]) is { } ticket)
            return new DssHandoff(ticket, NonEmpty(Uri.UnescapeDataString(request.Cookies[WorkspaceCookie] ?? "")));
        return null;
    }

    /// <summary>DSS' <c>k1=v1;k2=v2</c>; a value may itself hold '=' (a base64 ticket), so only the first one splits.</summary>
    private static Dictionary<string, string> Cookies(string text)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0) cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return cookies;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
