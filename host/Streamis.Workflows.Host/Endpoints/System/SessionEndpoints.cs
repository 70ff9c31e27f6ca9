using System.Security.Claims;
using Streamis.Workflows.Host.Auth;

namespace Streamis.Workflows.Host.Endpoints.System;

/// <summary>Who the caller is signed in as: the designer checks a token with it and shows only what the roles allow.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(Describe(user)))
            .WithTags("Session").RequireAuthorization(Policies.Read);
        // Open to all and always 200: a browser that arrives signed in by a cookie (DSS hand-off, Linkis login) learns
        // it without a failed request, which the designer would otherwise show as an error on every fresh visit.
        app.MapGet("/api/session", (ClaimsPrincipal user) => Results.Ok(new
            {
                signedIn = user.Identity?.IsAuthenticated == true,
                session = user.Identity?.IsAuthenticated == true ? Describe(user) : null,
            }))
            .WithTags("Session").AllowAnonymous();
    }

    private static SessionResponse Describe(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
}
