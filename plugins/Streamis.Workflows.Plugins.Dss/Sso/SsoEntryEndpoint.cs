using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streamis.Workflows.Plugins.Dss.Http;

namespace Streamis.Workflows.Plugins.Dss.Sso;

/// <summary>
/// The browser entry from DSS (<c>reqUri</c> in the AppConn instance's <c>enhance_json</c>): a hand-off that signs in
/// through <see cref="DssUserResolver"/>, keeps the DSS ticket in an HttpOnly session cookie so the designer's own
/// calls are signed in too, and answers 302 to <c>redirect</c> when it points at this host or an allowed origin.
/// </summary>
internal static class SsoEntryEndpoint
{
    public static void MapSsoEntry(this IEndpointRouteBuilder endpoints, string pluginName) =>
        endpoints.MapGet($"/api/plugins/{pluginName}/sso", (HttpContext context, DssOptions options) =>
        {
            var handoff = DssHandoff.From(context.Request, options.TicketCookie);
            if (handoff?.Ticket is not { } ticket || !context.Request.Query.ContainsKey("dssurl"))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a DSS hand-off",
                    detail: "Open this from DSS: the request needs dssurl and cookies holding the Linkis ticket.");
            var redirect = context.Request.Query["redirect"].ToString();
            if (redirect.Length > 0 && !MayRedirectTo(redirect, context.Request, options))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid",
                    detail: $"redirect \"{redirect}\" is neither on this host nor in {DssOptions.Section}:AllowedRedirectOrigins");
            var cookie = new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/" };
            context.Response.Cookies.Append(DssHandoff.SessionCookie, ticket, cookie);
            context.Response.Cookies.Append(DssHandoff.WorkspaceCookie, Uri.EscapeDataString(handoff.Workspace ?? ""), cookie);
            if (redirect.Length > 0) return Results.Redirect(redirect);
            var caller = Caller.Of(context);
            return Results.Ok(new { user = caller.Name, workspace = caller.Workspace });
        });

    /// <summary>Relative paths on this host, this host's origin, or an origin the settings allow: never an open redirect.</summary>
    private static bool MayRedirectTo(string target, HttpRequest request, DssOptions options)
    {
        if (target.StartsWith('/')) return !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/\\", StringComparison.Ordinal);
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.AllowedRedirectOrigins.Any(o => string.Equals(new Uri(o).GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));
    }
}
