using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>Projects (soft delete), their members per rank, and who may do what on a project or job.</summary>
public sealed class ProjectService(StreamJobsDatabase database, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<Project> CreateAsync(string name, long? workspaceId, ProjectMembers members, string user, CancellationToken cancellationToken = default)
    {
        name = ValidName(name);
        await using var db = database.CreateContext();
        if (await db.Projects.AnyAsync(p => p.ActiveName == name, cancellationToken)) throw NameExists(name);
        var now = UnixTime.Ms(clock.GetUtcNow());
        var project = new ProjectEntity { Name = name, ActiveName = name, WorkspaceId = workspaceId, CreateBy = user, CreateTime = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Projects.Add(project);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw NameExists(name);
        }
        foreach (var (userName, rank) in Grants(members)) db.ProjectPrivileges.Add(new ProjectPrivilegeEntity { ProjectId = project.Id, UserName = userName, Privilege = (int)rank });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project.ToModel();
    }

    /// <summary>
    /// Renames (jobs follow, as they are keyed by project name), moves workspace and replaces the given member
    /// lists; a null list leaves that rank alone.
    /// </summary>
    public async Task<Project> UpdateAsync(long projectId, string name, long? workspaceId, ProjectMembers members, string user, CancellationToken cancellationToken = default)
    {
        name = ValidName(name);
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && !p.IsDeleted, cancellationToken) ?? throw NotFound(projectId.ToString());
        if (project.Name != name)
        {
            if (await db.Projects.AnyAsync(p => p.ActiveName == name, cancellationToken)) throw NameExists(name);
            var oldName = project.Name;
            await db.Jobs.Where(j => j.ProjectName == oldName).ExecuteUpdateAsync(s => s.SetProperty(j => j.ProjectName, name), cancellationToken);
            project.Name = name;
            project.ActiveName = name;
        }
        project.WorkspaceId = workspaceId ?? project.WorkspaceId;
        project.LastUpdateBy = user;
        project.LastUpdateTime = UnixTime.Ms(clock.GetUtcNow());

        var existing = await db.ProjectPrivileges.Where(p => p.ProjectId == projectId).ToListAsync(cancellationToken);
        foreach (var (list, rank) in Lists(members))
        {
            if (list is null) continue;
            var wanted = Clean(list).ToHashSet(StringComparer.Ordinal);
            var current = existing.Where(p => p.Privilege == (int)rank).ToList();
            db.ProjectPrivileges.RemoveRange(current.Where(p => !wanted.Contains(p.UserName)));
            foreach (var userName in wanted.Where(u => current.All(p => p.UserName != u)))
                db.ProjectPrivileges.Add(new ProjectPrivilegeEntity { ProjectId = projectId, UserName = userName, Privilege = (int)rank });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw NameExists(name);
        }
        await transaction.CommitAsync(cancellationToken);
        return project.ToModel();
    }

    /// <summary>Soft delete: the row stays (DSS' search still finds the id), members go, the name becomes free.</summary>
    public async Task DeleteAsync(long projectId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && !p.IsDeleted, cancellationToken) ?? throw NotFound(projectId.ToString());
        project.IsDeleted = true;
        project.ActiveName = null;
        project.LastUpdateBy = user;
        project.LastUpdateTime = UnixTime.Ms(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.ProjectPrivileges.Where(p => p.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Project?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ActiveName == name, cancellationToken))?.ToModel();
    }

    public async Task<Project?> FindAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken))?.ToModel();
    }

    /// <summary>DSS' search: the first id with that name, deleted projects included.</summary>
    public async Task<long?> SearchIdAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Projects.Where(p => p.Name == name).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProjectMember>> GetMembersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var rows = await db.ProjectPrivileges.AsNoTracking().Where(p => p.ProjectId == projectId).OrderBy(p => p.Privilege).ThenBy(p => p.UserName).ToListAsync(cancellationToken);
        return rows.Select(p => new ProjectMember(p.ProjectId, p.UserName, (ProjectPrivilege)p.Privilege)).ToList();
    }

    /// <summary>Everyone holding a rank on some live project, by name.</summary>
    public async Task<IReadOnlyList<string>> ListMemberNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await (from p in db.Projects
                      join g in db.ProjectPrivileges on p.Id equals g.ProjectId
                      where !p.IsDeleted
                      select g.UserName).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
    }

    /// <summary>The user's strongest rank on a live project, or null for none.</summary>
    public async Task<ProjectPrivilege?> GetPrivilegeAsync(string user, string projectName, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var ranks = await (from p in db.Projects
                           join g in db.ProjectPrivileges on p.Id equals g.ProjectId
                           where p.ActiveName == projectName && g.UserName == user
                           select g.Privilege).ToListAsync(cancellationToken);
        return ranks.Count == 0 ? null : (ProjectPrivilege)ranks.Min();
    }

    /// <summary>Inclusion rule: release ⊇ edit ⊇ access, i.e. a rank number at most the required one.</summary>
    public async Task<bool> HasPrivilegeAsync(string user, string projectName, ProjectPrivilege required, CancellationToken cancellationToken = default) =>
        await GetPrivilegeAsync(user, projectName, cancellationToken) is { } held && held <= required;

    /// <summary>
    /// Job-level check: the job's creator and the users in its <c>wds.linkis.flink.authority.visible</c> list pass
    /// every job check; anyone else needs the project rank.
    /// </summary>
    public async Task<bool> CanOnJobAsync(string user, long jobId, ProjectPrivilege required, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw StreamJobsException.JobNotFound(jobId);
        if (job.CreateBy == user) return true;
        var visible = await db.JobConfigs.Where(c => c.JobId == jobId && c.Key == ConfigKeys.AuthorityVisible).Select(c => c.Value).SingleOrDefaultAsync(cancellationToken);
        if (visible is not null && visible.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(user, StringComparer.Ordinal)) return true;
        return await HasPrivilegeAsync(user, job.ProjectName, required, cancellationToken);
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new StreamJobsException(ErrorCodes.ProjectInvalid, StreamJobsErrorKind.Invalid, "projectName cannot be empty");
        if (trimmed.Length > MaxNameLength)
            throw new StreamJobsException(ErrorCodes.ProjectInvalid, StreamJobsErrorKind.Invalid, $"projectName is longer than {MaxNameLength} characters");
        return trimmed;
    }

    private static IEnumerable<(string User, ProjectPrivilege Rank)> Grants(ProjectMembers members) =>
        Lists(members).SelectMany(l => Clean(l.List ?? []).Select(u => (u, l.Rank)));

    private static IEnumerable<(IReadOnlyList<string>? List, ProjectPrivilege Rank)> Lists(ProjectMembers members) =>
    [
        (members.ReleaseUsers, ProjectPrivilege.Release),
        (members.EditUsers, ProjectPrivilege.Edit),
        (members.AccessUsers, ProjectPrivilege.Access),
    ];

    private static IEnumerable<string> Clean(IEnumerable<string> users) =>
        users.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal);

    private static StreamJobsException NameExists(string name) =>
        new(ErrorCodes.ProjectNameExists, StreamJobsErrorKind.Conflict, $"the project name is exist: {name}");

    private static StreamJobsException NotFound(string what) =>
        new(ErrorCodes.ProjectNotFound, StreamJobsErrorKind.NotFound, $"project {what} does not exist");
}
