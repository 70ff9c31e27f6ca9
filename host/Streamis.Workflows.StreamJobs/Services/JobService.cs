using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs.Services;

/// <summary>Jobs and their versions: createOrUpdate and zip upload with Streamis' rules, and reads.</summary>
public sealed class JobService(
    StreamJobsDatabase database, ProjectService projects, JobUploadReader reader, JobFileStore files, JobFileResolver resolver, TimeProvider clock)
{
    public const string UploadSource = "upload by user.";

    /// <summary>The createOrUpdate call: a new job with <c>v00001</c>, or a new version of the existing one.</summary>
    public Task<JobSaveResult> CreateOrUpdateAsync(JobMeta meta, string user, CancellationToken cancellationToken = default) =>
        SaveAsync(meta, [], user, source: null, privileged: false, cancellationToken);

    /// <summary>As above; <paramref name="privileged"/> skips the project-privilege check (a host administrator).</summary>
    public Task<JobSaveResult> CreateOrUpdateAsync(JobMeta meta, string user, bool privileged, CancellationToken cancellationToken = default) =>
        SaveAsync(meta, [], user, source: null, privileged, cancellationToken);

    /// <summary>
    /// Upload of a zip with meta.json. The zip is read and checked completely before the database is touched, and a
    /// failure while storing files rolls the version back, so a refused upload leaves nothing behind.
    /// </summary>
    public Task<JobSaveResult> UploadAsync(string projectName, string fileName, Stream zip, string user, CancellationToken cancellationToken = default) =>
        UploadAsync(projectName, fileName, zip, user, privileged: false, cancellationToken);

    /// <summary>As above; <paramref name="privileged"/> skips the project-privilege check (a host administrator).</summary>
    public async Task<JobSaveResult> UploadAsync(string projectName, string fileName, Stream zip, string user, bool privileged, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(projectName)) throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid, "projectName cannot be empty!");
        var upload = await reader.ReadAsync(fileName, zip, cancellationToken);
        if (upload.Meta.ProjectName != projectName.Trim())
            throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid,
                $"the projectName '{upload.Meta.ProjectName}' in meta.json differs from the request's '{projectName}'");
        return await SaveAsync(upload.Meta, upload.Files, user, UploadSource, privileged, cancellationToken);
    }

    public async Task<StreamJob?> FindAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken))?.ToModel();
    }

    public async Task<StreamJob?> FindAsync(string projectName, string jobName, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.ProjectName == projectName && j.Name == jobName, cancellationToken))?.ToModel();
    }

    public async Task<IReadOnlyList<StreamJob>> ListAsync(string projectName, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.Jobs.AsNoTracking().Where(j => j.ProjectName == projectName).OrderBy(j => j.Id).ToListAsync(cancellationToken)).Select(j => j.ToModel()).ToList();
    }

    /// <summary>
    /// The job list of a project for a user: empty unless the user holds a project rank (the creator alone is not
    /// enough, as in Streamis); each job with its latest version and the status of that version's latest task.
    /// </summary>
    public Task<JobListPage> ListForUserAsync(string user, JobListQuery query, CancellationToken cancellationToken = default) =>
        ListForUserAsync(user, query, privileged: false, cancellationToken);

    /// <summary>As above; <paramref name="privileged"/> lists without a project rank (a host administrator).</summary>
    public async Task<JobListPage> ListForUserAsync(string user, JobListQuery query, bool privileged, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(query.ProjectName, cancellationToken);
        if (project is null || (!privileged && await projects.GetPrivilegeAsync(user, query.ProjectName, cancellationToken) is null)) return new JobListPage([], 0);
        await using var db = database.CreateContext();
        var jobs = db.Jobs.AsNoTracking().Where(j => j.ProjectName == query.ProjectName);
        if (!string.IsNullOrWhiteSpace(query.JobName)) jobs = jobs.Where(j => j.Name.Contains(query.JobName));
        if (!string.IsNullOrWhiteSpace(query.Creator)) jobs = jobs.Where(j => j.CreateBy == query.Creator);
        var rows = await jobs.OrderByDescending(j => j.Id).ToListAsync(cancellationToken);
        var ids = rows.Select(j => j.Id).ToList();
        var latestVersions = (await db.JobVersions.AsNoTracking().Where(v => ids.Contains(v.JobId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.JobId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Id)!);
        var versionIds = latestVersions.Values.Select(v => v.Id).ToList();
        var latestTasks = (await db.Tasks.AsNoTracking().Where(t => versionIds.Contains(t.JobVersionId)).ToListAsync(cancellationToken))
            .GroupBy(t => t.JobVersionId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!);
        var items = rows.Select(j =>
        {
            var version = latestVersions.GetValueOrDefault(j.Id);
            var task = version is null ? null : latestTasks.GetValueOrDefault(version.Id);
            return new JobListItem(j.ToModel(), project.Id, version?.Version, version is null ? null : UnixTime.At(version.CreateTime),
                task is null ? Sdk.Connectors.StreamTaskStatus.NotStarted : (Sdk.Connectors.StreamTaskStatus)task.Status, task?.Id);
        }).Where(i => query.Status is not { } status || (int)i.Status == status).ToList();
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(query.Page, 1);
        return new JobListPage(items.Skip((page - 1) * size).Take(size).ToList(), items.Count);
    }

    public async Task<IReadOnlyList<StreamJobVersion>> ListVersionsAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.JobVersions.AsNoTracking().Where(v => v.JobId == jobId).OrderBy(v => v.Id).ToListAsync(cancellationToken)).Select(v => v.ToModel()).ToList();
    }

    /// <summary>A version by name, or the latest when <paramref name="version"/> is blank.</summary>
    public async Task<StreamJobVersion?> GetVersionAsync(long jobId, string? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var query = db.JobVersions.AsNoTracking().Where(v => v.JobId == jobId);
        var row = string.IsNullOrWhiteSpace(version)
            ? await query.OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken)
            : await query.SingleOrDefaultAsync(v => v.Version == version, cancellationToken);
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<JobVersionFile>> ListFilesAsync(long jobVersionId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.JobVersionFiles.AsNoTracking().Where(f => f.JobVersionId == jobVersionId).OrderBy(f => f.FileName).ToListAsync(cancellationToken))
            .Select(f => f.ToModel()).ToList();
    }

    public static string FormatVersion(int number) => "v" + number.ToString("D5", CultureInfo.InvariantCulture);

    private async Task<JobSaveResult> SaveAsync(JobMeta meta, IReadOnlyList<UploadedFile> uploaded, string user, string? source, bool privileged, CancellationToken cancellationToken)
    {
        meta.Validate();
        if (!JobTypes.IsKnown(meta.JobType))
            throw new StreamJobsException(ErrorCodes.JobDefinition, StreamJobsErrorKind.Invalid, $"jobType '{meta.JobType}' is not supported (flink.sql, flink.jar, local)");
        JobContentRules.Check(meta.JobType, meta.JobContent);
        _ = await projects.FindAsync(meta.ProjectName, cancellationToken)
            ?? throw new StreamJobsException(ErrorCodes.ProjectNotFound, StreamJobsErrorKind.NotFound, $"project {meta.ProjectName} does not exist");

        await using var db = database.CreateContext();
        var existing = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.ProjectName == meta.ProjectName && j.Name == meta.JobName, cancellationToken);
        var allowed = privileged || (existing is null
            ? await projects.HasPrivilegeAsync(user, meta.ProjectName, ProjectPrivilege.Edit, cancellationToken)
            : await projects.CanOnJobAsync(user, existing.Id, ProjectPrivilege.Edit, cancellationToken));
        if (!allowed)
            throw new StreamJobsException(ErrorCodes.NoPrivilege, StreamJobsErrorKind.Forbidden, $"{user} has no edit privilege on project {meta.ProjectName}");

        var now = UnixTime.Ms(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        JobEntity job;
        if (existing is null)
        {
            job = new JobEntity
            {
                ProjectName = meta.ProjectName, Name = meta.JobName, JobType = meta.JobType, EngineName = JobTypes.EngineFor(meta.JobType),
                Label = meta.Tags, Description = meta.Description, CreateBy = user, CreateTime = now, SubmitUser = user,
                WorkspaceName = meta.WorkspaceName,
            };
            db.Jobs.Add(job);
        }
        else
        {
            job = await db.Jobs.SingleAsync(j => j.Id == existing.Id, cancellationToken);
            if (job.JobType != meta.JobType)
                throw new StreamJobsException(ErrorCodes.JobConflict, StreamJobsErrorKind.Conflict,
                    $"StreamJob-{job.Name} is of type {job.JobType}; its jobType cannot change to {meta.JobType}");
            var latest = await db.Tasks.Where(t => t.JobId == job.Id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && !TaskStatuses.IsCompleted((Sdk.Connectors.StreamTaskStatus)latest.Status))
                throw new StreamJobsException(ErrorCodes.JobConflict, StreamJobsErrorKind.Conflict,
                    $"StreamJob-{job.Name} is in status {latest.Status}, you cannot upload the zip");
            if (meta.Description is not null) job.Description = meta.Description;
            if (meta.Tags is not null) job.Label = meta.Tags;
            if (meta.WorkspaceName is not null) job.WorkspaceName = meta.WorkspaceName;
        }
        await SaveOrConflictAsync(db, meta, cancellationToken);
        // After the checks above, so a refused type change or a running task is reported as such, not as a missing file.
        await resolver.ResolveProjectFilesAsync(meta.ProjectName, meta.JobType, meta.JobContent, uploaded.Select(f => f.Name).ToList(), cancellationToken);

        var versions = await db.JobVersions.Where(v => v.JobId == job.Id).Select(v => v.Version).ToListAsync(cancellationToken);
        var next = versions.Select(v => int.TryParse(v.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var version = new JobVersionEntity
        {
            JobId = job.Id, Version = FormatVersion(next), Source = source, JobContent = meta.JobContent.ToJsonString(),
            Comment = meta.Comment, CreateBy = user, CreateTime = now,
        };
        db.JobVersions.Add(version);
        await SaveOrConflictAsync(db, meta, cancellationToken);

        var folder = JobFileStore.VersionFolder(job.Id, version.Version);
        try
        {
            foreach (var file in uploaded)
            {
                var path = await files.WriteAsync(folder, file.Name, file.Content, cancellationToken);
                db.JobVersionFiles.Add(new JobVersionFileEntity
                {
                    JobId = job.Id, JobVersionId = version.Id, FileName = file.Name, Version = version.Version, StorePath = path,
                    StoreType = JobFileStore.StoreType, Size = file.Content.Length, CreateBy = user, CreateTime = now,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            if (uploaded.Count > 0) files.DeleteFolder(folder);
            throw;
        }
        return new JobSaveResult(job.Id, version.Id, version.Version, existing is null);
    }

    private static async Task SaveOrConflictAsync(StreamJobsDbContext db, JobMeta meta, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new StreamJobsException(ErrorCodes.JobConflict, StreamJobsErrorKind.Conflict,
                $"StreamJob-{meta.JobName} of project {meta.ProjectName} was changed by someone else at the same time; try again");
        }
    }
}
