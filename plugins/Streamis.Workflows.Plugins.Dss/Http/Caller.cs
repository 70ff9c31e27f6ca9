using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>The signed-in caller of a request: name, DSS workspace (from a DSS hand-off) and whether it is a host admin.</summary>
internal sealed record Caller(string Name, string? Workspace, bool IsAdmin, ClaimsPrincipal Principal)
{
    public static Caller Of(HttpContext context) => new(
        context.User.Identity?.Name ?? "",
        context.User.FindFirst(HostClaims.Workspace)?.Value,
        context.User.IsInRole(HostClaims.AdminRole),
        context.User);
}
