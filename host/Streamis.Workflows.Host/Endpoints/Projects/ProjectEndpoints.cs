using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.Host.Errors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.Endpoints.Projects;

/// <summary>
/// Projects and their members for a host without DSS (admins): the same store DSS' AppConn contract writes, reached
/// through our own API.
/// </summary>
public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization(Policies.Administer);
        group.MapGet("/{name}", GetAsync);
        group.MapPost("", CreateAsync);
        group.MapPut("/{name}", UpdateAsync);
        group.MapDelete("/{name}", DeleteAsync);
    }

    private static async Task<IResult> GetAsync(string name, ProjectService projects, CancellationToken ct)
    {
        var project = await projects.FindAsync(name, ct);
        if (project is null) return ProblemResults.NotFound($"no project \"{name}\"");
        return Results.Ok(await DescribeAsync(project, projects, ct));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, HttpContext context, ProjectService projects, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var name = body.String("name", required: true, maxLength: ProjectService.MaxNameLength);
        var workspaceId = body.Int("workspaceId", min: 0);
        var members = Members(body);
        body.ThrowIfInvalid();
        var project = await projects.CreateAsync(name!, workspaceId, members, context.User.Identity!.Name!, ct);
        return Results.Created($"/api/projects/{Uri.EscapeDataString(project.Name)}", await DescribeAsync(project, projects, ct));
    }

    /// <summary>Renames with <c>name</c>; each member list given replaces that rank's members, one left out stays.</summary>
    private static async Task<IResult> UpdateAsync(string name, HttpRequest request, HttpContext context, ProjectService projects, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ct);
        var newName = body.String("name", maxLength: ProjectService.MaxNameLength);
        var workspaceId = body.Int("workspaceId", min: 0);
        var members = Members(body);
        body.ThrowIfInvalid();
        var project = await projects.FindAsync(name, ct);
        if (project is null) return ProblemResults.NotFound($"no project \"{name}\"");
        var updated = await projects.UpdateAsync(project.Id, newName ?? project.Name, workspaceId, members, context.User.Identity!.Name!, ct);
        return Results.Ok(await DescribeAsync(updated, projects, ct));
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, ProjectService projects, CancellationToken ct)
    {
        var project = await projects.FindAsync(name, ct);
        if (project is null) return ProblemResults.NotFound($"no project \"{name}\"");
        await projects.DeleteAsync(project.Id, context.User.Identity!.Name!, ct);
        return Results.NoContent();
    }

    private static ProjectMembers Members(JsonBody body) =>
        new(body.StringList("releaseUsers"), body.StringList("editUsers"), body.StringList("accessUsers"));

    private static async Task<ProjectResponse> DescribeAsync(Project project, ProjectService projects, CancellationToken ct)
    {
        var members = await projects.GetMembersAsync(project.Id, ct);
        IReadOnlyList<string> Of(ProjectPrivilege rank) => members.Where(m => m.Privilege == rank).Select(m => m.UserName).Order(StringComparer.Ordinal).ToList();
        return new ProjectResponse(project.Id, project.Name, project.WorkspaceId, project.CreateBy, project.CreateTime,
            Of(ProjectPrivilege.Release), Of(ProjectPrivilege.Edit), Of(ProjectPrivilege.Access));
    }
}
