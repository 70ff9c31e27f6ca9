using System.Security.Claims;
using Streamis.Workflows.Host.Auth;

namespace Streamis.Workflows.Host.Endpoints.System;

/// <summary>Who the caller is signed in as: the designer checks a token with it and shows only what the roles allow.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new SessionResponse(
                user.Identity?.Name ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())))
            .WithTags("Session").RequireAuthorization(Policies.Read);
}
