using System.Text.Json.Nodes;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Login;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// The DSS workspace calls the Streamis web UI makes, answered from this host's own users and projects (the host is
/// the workspace): <c>dss/framework/workspace/getBaseInfo</c> after login and <c>config/getWorkspaceUsers</c>.
/// </summary>
public static class StreamisWorkspaceEndpoints
{
    public const string BaseInfoPath = "/api/rest_j/v1/dss/framework/workspace/getBaseInfo";

    public static void MapStreamisWorkspaceEndpoints(this RouteGroupBuilder streamis) =>
        streamis.MapGet("/streamJobManager/config/getWorkspaceUsers", WorkspaceUsersAsync);

    public static void MapDssBaseInfo(this IEndpointRouteBuilder app) =>
        app.MapGet(BaseInfoPath, (HttpContext context) => LinkisMessage.Ok(context, new JsonObject
        {
            ["userName"] = StreamisPrivileges.UserName(context.User),
            ["isAdmin"] = StreamisPrivileges.IsHostAdmin(context.User),
        })).WithTags("Streamis").RequireAuthorization(Policies.Streamis);

    /// <summary>Users who can sign in here with a password, and everyone holding a project rank.</summary>
    private static async Task<IResult> WorkspaceUsersAsync(HttpContext context, LoginOptions login, ProjectService projects, CancellationToken ct)
    {
        var users = login.Users.Select(u => u.UserName).Concat(await projects.ListMemberNamesAsync(ct))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return LinkisMessage.Ok(context, new JsonObject { ["users"] = new JsonArray(users.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()) });
    }
}
