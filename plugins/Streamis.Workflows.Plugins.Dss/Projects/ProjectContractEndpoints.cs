using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streamis.Workflows.Plugins.Dss.Http;
using Streamis.Workflows.Sdk.HostServices;

namespace Streamis.Workflows.Plugins.Dss.Projects;

/// <summary>
/// The Streamis AppConn's project contract (Streamis 0.2.0 <c>StreamisAppConn</c>, prefix
/// <c>/api/rest_j/v1/streamis/project</c>), so an unchanged DSS keeps Streamis projects and their release, edit and
/// access users in step: search before create, create, update with the full user lists, soft delete.
/// </summary>
internal static class ProjectContractEndpoints
{
    public const string Prefix = "/api/rest_j/v1/streamis/project";

    public static void MapProjectContract(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("DSS AppConn").AnswersInEnvelope();
        group.MapGet("/searchProject", SearchAsync);
        group.MapPost("/createProject", CreateAsync);
        group.MapPut("/updateProject", UpdateAsync);
        group.MapDelete("/deleteProject", DeleteAsync);
    }

    /// <summary>The live project of that name; null when none, so DSS may create it (a deleted project's name is free again).</summary>
    private static async Task<IResult> SearchAsync(HttpContext context, IProjectDirectory projects, CancellationToken ct)
    {
        var name = QueryParameters.Text(context.Request, "projectName", required: true)!;
        var id = await projects.FindIdAsync(name, ct);
        return ContractReply.Ok(context, new JsonObject { ["projectId"] = id });
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IProjectDirectory projects, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var name = body.Text("projectName", required: true);
        var workspaceId = body.Number("workspaceId");
        var members = Members(body);
        body.ThrowIfInvalid();
        var empty = Array.Empty<string>();
        var project = await projects.CreateAsync(name!, workspaceId,
            new ProjectMemberLists(members.ReleaseUsers ?? empty, members.EditUsers ?? empty, members.AccessUsers ?? empty), Caller.Of(context).Name, ct);
        return ContractReply.Ok(context, new JsonObject { ["projectName"] = project.Name, ["projectId"] = project.Id });
    }

    /// <summary>
    /// DSS sends the full user lists; each list given replaces that rank's members, a list left out stays, and when
    /// every list is empty nothing changes (as in Streamis, so a call that lost its lists cannot wipe a project).
    /// </summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, IProjectDirectory projects, CancellationToken ct)
    {
        var body = await JsonRequest.ReadAsync(context.Request, ct);
        var projectId = body.Number("projectId", required: true);
        var name = body.Text("projectName", required: true);
        body.Number("workspaceId");
        var members = Members(body);
        body.ThrowIfInvalid();
        var project = await LiveProjectAsync(projects, projectId!.Value, ct);
        if (project.Name != name)
            throw new HostRefusalException(RefusalKind.Invalid,
                $"projectName \"{name}\" is not the name of project {project.Id} (\"{project.Name}\"); projects are not renamed through DSS", StreamisCodes.ProjectInvalid);
        var caller = Caller.Of(context);
        if (caller.Name != project.CreateBy && !await projects.HasPrivilegeAsync(caller.Principal, project.Id, ProjectRank.Edit, ct))
            throw NotAllowed(caller, "update", project);
        if (new[] { members.ReleaseUsers, members.EditUsers, members.AccessUsers }.All(l => l is null or { Count: 0 }))
            return ContractReply.Ok(context, message: $"no users given: the members of project {project.Id} are unchanged");
        await projects.UpdateMembersAsync(project.Id, members, caller.Name, ct);
        return ContractReply.Ok(context);
    }

    /// <summary>Soft delete by the creator, a release user or a host admin; deleting a deleted project again is a success.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, IProjectDirectory projects, CancellationToken ct)
    {
        var projectId = QueryParameters.RequiredNumber(context.Request, "projectId");
        var project = await projects.GetAsync(projectId, ct) ?? throw NotFound(projectId);
        if (project.IsDeleted) return ContractReply.Ok(context, message: $"project {projectId} was already deleted");
        var caller = Caller.Of(context);
        if (caller.Name != project.CreateBy && !await projects.HasPrivilegeAsync(caller.Principal, project.Id, ProjectRank.Release, ct))
            throw NotAllowed(caller, "delete", project);
        await projects.DeleteAsync(project.Id, caller.Name, ct);
        return ContractReply.Ok(context);
    }

    public static async Task<DirectoryProject> LiveProjectAsync(IProjectDirectory projects, long projectId, CancellationToken ct) =>
        await projects.GetAsync(projectId, ct) is { IsDeleted: false } project ? project : throw NotFound(projectId);

    private static ProjectMemberLists Members(JsonRequest body) =>
        new(body.TextList("releaseUsers"), body.TextList("editUsers"), body.TextList("accessUsers"));

    private static HostRefusalException NotFound(long projectId) =>
        new(RefusalKind.NotFound, $"project {projectId} does not exist", StreamisCodes.ProjectNotFound);

    private static HostRefusalException NotAllowed(Caller caller, string action, DirectoryProject project) =>
        new(RefusalKind.Forbidden, $"{caller.Name} may not {action} project {project.Name}: only its creator, its {(action == "delete" ? "release" : "edit")} users or a host admin may",
            StreamisCodes.NoPrivilege);
}
