using System.Security.Claims;
using Streamis.Workflows.Host.Auth;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Services;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// Streamis' project privileges for a caller: a host administrator holds every privilege on every project (so the
/// host can be run without first granting itself ranks); everyone else goes through the domain's project ranks.
/// </summary>
public sealed class StreamisPrivileges(ProjectService projects)
{
    public static bool IsHostAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public async Task<bool> OnProjectAsync(ClaimsPrincipal user, string projectName, ProjectPrivilege required, CancellationToken ct) =>
        IsHostAdmin(user) || await projects.HasPrivilegeAsync(UserName(user), projectName, required, ct);

    /// <summary>Job-level: creator or visible user, else the project rank. Unknown jobs throw the domain's not-found.</summary>
    public async Task<bool> OnJobAsync(ClaimsPrincipal user, long jobId, ProjectPrivilege required, CancellationToken ct) =>
        IsHostAdmin(user) || await projects.CanOnJobAsync(UserName(user), jobId, required, ct);
}
