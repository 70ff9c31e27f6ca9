using System.Security.Claims;

namespace Streamis.Workflows.Sdk.HostServices;

/// <summary>
/// The host's Streamis projects and their members, for plugins that keep them in step with a system of record
/// (DSS). Refusals (bad name, duplicate, unknown id) are <see cref="HostRefusalException"/>s.
/// </summary>
public interface IProjectDirectory
{
    /// <summary>The id of the live project with that name, or null (deleted projects free their name).</summary>
    Task<long?> FindIdAsync(string name, CancellationToken cancellationToken);

    /// <summary>A project by id, deleted ones included, or null.</summary>
    Task<DirectoryProject?> GetAsync(long projectId, CancellationToken cancellationToken);

    Task<DirectoryProject> CreateAsync(string name, long? workspaceId, ProjectMemberLists members, string user, CancellationToken cancellationToken);

    /// <summary>Replaces each member list given (a null list leaves that rank alone); the name and workspace stay.</summary>
    Task UpdateMembersAsync(long projectId, ProjectMemberLists members, string user, CancellationToken cancellationToken);

    /// <summary>Soft delete: the project's members go and its name becomes free.</summary>
    Task DeleteAsync(long projectId, string user, CancellationToken cancellationToken);

    /// <summary>The three member lists as the privilege table holds them, each sorted.</summary>
    Task<ProjectMemberLists> GetMembersAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>Whether the caller holds <paramref name="rank"/> (or a stronger one) on the live project; a host admin holds every rank.</summary>
    Task<bool> HasPrivilegeAsync(ClaimsPrincipal caller, long projectId, ProjectRank rank, CancellationToken cancellationToken);
}
