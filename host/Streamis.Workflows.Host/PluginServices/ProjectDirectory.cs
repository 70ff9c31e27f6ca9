using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.Host.StreamisRest;
using Streamis.Workflows.Sdk.HostServices;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.PluginServices;

/// <summary>
/// Projects for plugins, over the domain's <see cref="ProjectService"/>. Member lists are checked here against what the
/// privilege table can hold, so a bad name is refused with its list and position instead of failing in the database.
/// </summary>
public sealed class ProjectDirectory(ProjectService projects, StreamisPrivileges privileges) : IProjectDirectory
{
    /// <summary>The width of the privilege table's user column.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>More than any DSS workspace holds, and small enough to diff in one request.</summary>
    public const int MaxUsersPerList = 20_000;

    public async Task<long?> FindIdAsync(string name, CancellationToken cancellationToken) =>
        (await projects.FindAsync(name.Trim(), cancellationToken))?.Id;

    public async Task<DirectoryProject?> GetAsync(long projectId, CancellationToken cancellationToken) =>
        await projects.FindAsync(projectId, cancellationToken) is { } p ? new DirectoryProject(p.Id, p.Name, p.WorkspaceId, p.CreateBy, p.IsDeleted) : null;

    public Task<DirectoryProject> CreateAsync(string name, long? workspaceId, ProjectMemberLists members, string user, CancellationToken cancellationToken)
    {
        CheckName(name);
        var lists = Checked(members);
        return HostRefusals.TranslateAsync(async () =>
        {
            try
            {
                var p = await projects.CreateAsync(name, workspaceId, lists, user, cancellationToken);
                return new DirectoryProject(p.Id, p.Name, p.WorkspaceId, p.CreateBy, p.IsDeleted);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                throw SameUserTwice();
            }
        });
    }

    public Task UpdateMembersAsync(long projectId, ProjectMemberLists members, string user, CancellationToken cancellationToken)
    {
        var lists = Checked(members);
        return HostRefusals.TranslateAsync(async () =>
        {
            var project = await projects.FindAsync(projectId, cancellationToken);
            if (project is null or { IsDeleted: true }) throw NotFound(projectId);
            try
            {
                return await projects.UpdateAsync(projectId, project.Name, null, lists, user, cancellationToken);
            }
            catch (StreamJobsException e) when (e.Code == ErrorCodes.ProjectNameExists)
            {
                // The name is not changed here, so the unique index that refused is the privilege table's.
                throw SameUserTwice();
            }
        });
    }

    public Task DeleteAsync(long projectId, string user, CancellationToken cancellationToken) =>
        HostRefusals.TranslateAsync(async () =>
        {
            await projects.DeleteAsync(projectId, user, cancellationToken);
            return true;
        });

    public async Task<ProjectMemberLists> GetMembersAsync(long projectId, CancellationToken cancellationToken)
    {
        var members = await projects.GetMembersAsync(projectId, cancellationToken);
        IReadOnlyList<string> Of(ProjectPrivilege rank) => members.Where(m => m.Privilege == rank).Select(m => m.UserName).Order(StringComparer.Ordinal).ToList();
        return new ProjectMemberLists(Of(ProjectPrivilege.Release), Of(ProjectPrivilege.Edit), Of(ProjectPrivilege.Access));
    }

    public async Task<bool> HasPrivilegeAsync(ClaimsPrincipal caller, long projectId, ProjectRank rank, CancellationToken cancellationToken)
    {
        if (StreamisPrivileges.IsHostAdmin(caller)) return true;
        var project = await projects.FindAsync(projectId, cancellationToken);
        return project is { IsDeleted: false } && await privileges.OnProjectAsync(caller, project.Name, (ProjectPrivilege)rank, cancellationToken);
    }

    /// <summary>Project names end up in job paths and launch names, as job names do.</summary>
    private static void CheckName(string name)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
            throw new HostRefusalException(RefusalKind.Invalid, $"projectName \"{name}\" may not contain '/', '\\' or control characters", ErrorCodes.ProjectInvalid);
    }

    private static ProjectMembers Checked(ProjectMemberLists members) =>
        new(Checked("releaseUsers", members.ReleaseUsers), Checked("editUsers", members.EditUsers), Checked("accessUsers", members.AccessUsers));

    private static IReadOnlyList<string>? Checked(string field, IReadOnlyList<string>? users)
    {
        if (users is null) return null;
        if (users.Count > MaxUsersPerList) throw Invalid($"{field} has {users.Count} users; at most {MaxUsersPerList} are accepted");
        var trimmed = new List<string>(users.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i]?.Trim() ?? "";
            if (user.Length == 0) throw Invalid($"{field}[{i}] is blank");
            if (user.Length > MaxUserNameLength) throw Invalid($"{field}[{i}] is longer than {MaxUserNameLength} characters");
            if (user.Any(char.IsControl)) throw Invalid($"{field}[{i}] contains control characters");
            // MySQL compares user names without case: "Alice" and "alice" would be one row there and two on SQLite.
            if (seen.TryGetValue(user, out var first) && trimmed[first] != user)
                throw Invalid($"{field}[{i}] \"{user}\" and {field}[{first}] \"{trimmed[first]}\" differ only in case; the privilege table takes them as one user");
            seen.TryAdd(user, i);
            trimmed.Add(user);
        }
        return trimmed;
    }

    private static HostRefusalException Invalid(string message) => new(RefusalKind.Invalid, message, ErrorCodes.ProjectInvalid);

    /// <summary>What is left when names pass the checks above but MySQL's collation still finds two equal (accents).</summary>
    private static HostRefusalException SameUserTwice() =>
        new(RefusalKind.Conflict, "two users in one list are the same user to the database (it compares names without case or accents); nothing was changed",
            ErrorCodes.ProjectInvalid);

    private static StreamJobsException NotFound(long projectId) =>
        new(ErrorCodes.ProjectNotFound, StreamJobsErrorKind.NotFound, $"project {projectId} does not exist");
}
