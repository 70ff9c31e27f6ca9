using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary><c>/streamis/project/projectPrivilege</c>: what the caller may do on a project (by name or id), singly or in bulk.</summary>
public static class StreamisPrivilegeEndpoints
{
    private static readonly (string Path, string Field, ProjectPrivilege Rank)[] Checks =
    [
        ("hasReleasePrivilege", "releasePrivilege", ProjectPrivilege.Release),
        ("hasEditPrivilege", "editPrivilege", ProjectPrivilege.Edit),
        ("hasAccessPrivilege", "accessPrivilege", ProjectPrivilege.Access),
    ];

    public static void MapStreamisPrivilegeEndpoints(this RouteGroupBuilder streamis)
    {
        var group = streamis.MapGroup("/project/projectPrivilege");
        foreach (var (path, field, rank) in Checks)
        {
            group.MapGet($"/{path}", async (HttpContext context, ProjectService projects, StreamisPrivileges privileges, CancellationToken ct) =>
            {
                var name = await ProjectNameAsync(context.Request, projects, "projectName", "projectId", ct);
                var held = name is not null && await privileges.OnProjectAsync(context.User, name, rank, ct);
                return LinkisMessage.Ok(context, new JsonObject { [field] = held });
            });
            // True when the caller holds the rank on any listed project (Streamis' bulk access check misses rank 3; this one does not).
            group.MapGet($"/bulk/{path}", async (HttpContext context, ProjectService projects, StreamisPrivileges privileges, CancellationToken ct) =>
            {
                var names = await ProjectNamesAsync(context.Request, projects, ct);
                var held = false;
                foreach (var name in names)
                    if (await privileges.OnProjectAsync(context.User, name, rank, ct)) { held = true; break; }
                return LinkisMessage.Ok(context, new JsonObject { [field] = held });
            });
        }
        group.MapGet("/getProjectPrivilege", GetProjectPrivilegeAsync);
    }

    /// <summary>The caller's own rows on the project (a host administrator sees every member's).</summary>
    private static async Task<IResult> GetProjectPrivilegeAsync(HttpContext context, ProjectService projects, CancellationToken ct)
    {
        var name = await ProjectNameAsync(context.Request, projects, "projectName", "projectId", ct);
        var list = new JsonArray();
        if (name is not null && await projects.FindAsync(name, ct) is { } project)
        {
            var user = StreamisPrivileges.UserName(context.User);
            var admin = StreamisPrivileges.IsHostAdmin(context.User);
            foreach (var member in await projects.GetMembersAsync(project.Id, ct))
                if (admin || member.UserName == user)
                    list.Add(new JsonObject { ["projectId"] = member.ProjectId, ["userName"] = member.UserName, ["privilege"] = (int)member.Privilege });
        }
        return LinkisMessage.Ok(context, new JsonObject { ["projectPrivileges"] = list });
    }

    /// <summary>The live project named by name or id; null for none (an unknown project means no privilege, not an error).</summary>
    private static async Task<string?> ProjectNameAsync(HttpRequest request, ProjectService projects, string nameParameter, string idParameter, CancellationToken ct)
    {
        if (StreamisQuery.Text(request, nameParameter) is { } name) return name;
        if (StreamisQuery.Text(request, idParameter) is not { } id)
            throw new StreamisRequestException($"{nameParameter} or {idParameter} cannot be empty!");
        var project = await projects.FindAsync(StreamisQuery.Long(idParameter, id), ct);
        return project is { IsDeleted: false } ? project.Name : null;
    }

    private static async Task<IReadOnlyList<string>> ProjectNamesAsync(HttpRequest request, ProjectService projects, CancellationToken ct)
    {
        var names = Split(request, "projectNames").ToList();
        foreach (var id in Split(request, "projectIds"))
            if (await projects.FindAsync(StreamisQuery.Long("projectIds", id), ct) is { IsDeleted: false } project) names.Add(project.Name);
        if (names.Count == 0 && !Split(request, "projectIds").Any()) throw new StreamisRequestException("projectNames or projectIds cannot be empty!");
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Split(HttpRequest request, string name) =>
        request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

}
