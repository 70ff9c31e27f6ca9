using Microsoft.EntityFrameworkCore;
using Streamis.Workflows.Persistence.Stores;
using Streamis.Workflows.StreamJobs.Entities;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.StreamJobs.ProjectFiles;

/// <summary>
/// Project resource files (Streamis §12): versions named by the uploader, bytes in the file store under ids (never
/// under user-chosen names), rows in <c>sj_project_files</c>. Privileges are the caller's business.
/// </summary>
public sealed class ProjectFileService(StreamJobsDatabase database, JobFileStore store, StreamJobsOptions options, TimeProvider clock)
{
    public const int MaxFileNameLength = 255;
    public const int MaxVersionLength = 20;
    public const int MaxCommentLength = 255;

    public async Task<ProjectFileUploadOutcome> UploadAsync(ProjectFileUpload upload, Stream content, CancellationToken cancellationToken = default)
    {
        var fileName = ValidFileName(upload.FileName);
        var version = Required("version", upload.Version, MaxVersionLength);
        if (upload.Comment is { Length: > MaxCommentLength }) throw Invalid($"comment is longer than {MaxCommentLength} characters");
        await using var db = database.CreateContext();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ActiveName == upload.ProjectName, cancellationToken)
            ?? throw ProjectNotFound(upload.ProjectName);
        var existing = await db.ProjectFiles.SingleOrDefaultAsync(
            f => f.ProjectId == project.Id && f.FileName == fileName && f.Version == version, cancellationToken);
        if (existing is not null && !upload.ReplaceExisting) return ProjectFileUploadOutcome.AlreadyExists;

        var storePath = $"project-files/{project.Id}/{Guid.NewGuid():N}";
        var size = await store.WriteAsync(storePath, content, options.Upload.MaxEntryBytes, cancellationToken)
            ?? throw new StreamJobsException(ErrorCodes.UploadFailed, StreamJobsErrorKind.Invalid,
                $"file {fileName} is larger than the {options.Upload.MaxEntryBytes} bytes a resource file may have");
        var now = UnixTime.Ms(clock.GetUtcNow());
        var replaced = existing?.StorePath;
        var row = existing ?? db.ProjectFiles.Add(new ProjectFileEntity
        {
            ProjectId = project.Id, ProjectName = project.Name, FileName = fileName, Version = version, CreateTime = now,
        }).Entity;
        row.StorePath = storePath;
        row.StoreType = JobFileStore.StoreType;
        row.Size = size;
        row.Comment = string.IsNullOrWhiteSpace(upload.Comment) ? null : upload.Comment.Trim();
        row.CreateBy = upload.User;
        row.UpdateTime = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A concurrent upload of the same version won the race: the same answer as if it had come first.
            store.DeleteFile(storePath);
            return ProjectFileUploadOutcome.AlreadyExists;
        }
        catch
        {
            store.DeleteFile(storePath);
            throw;
        }
        if (replaced is not null) store.DeleteFile(replaced);
        return existing is null ? ProjectFileUploadOutcome.Added : ProjectFileUploadOutcome.Replaced;
    }

    /// <summary>The newest version of each file of a project, filtered by name and uploader (substrings).</summary>
    public async Task<ProjectFilePage> ListAsync(string projectName, string? fileName, string? user, int pageNow, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var projectId = await ProjectIdAsync(db, projectName, cancellationToken);
        var rows = db.ProjectFiles.AsNoTracking().Where(f => f.ProjectId == projectId);
        if (fileName is not null) rows = rows.Where(f => f.FileName.Contains(fileName));
        if (user is not null) rows = rows.Where(f => f.CreateBy.Contains(user));
        var newest = rows.Where(f => f.Id == rows.Where(o => o.FileName == f.FileName).Max(o => o.Id));
        return await PageAsync(newest.OrderByDescending(f => f.Id), pageNow, pageSize, cancellationToken);
    }

    public async Task<ProjectFilePage> ListVersionsAsync(string projectName, string fileName, int pageNow, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var projectId = await ProjectIdAsync(db, projectName, cancellationToken);
        var rows = db.ProjectFiles.AsNoTracking().Where(f => f.ProjectId == projectId && f.FileName == fileName).OrderByDescending(f => f.Id);
        return await PageAsync(rows, pageNow, pageSize, cancellationToken);
    }

    public async Task<ProjectFile?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.ProjectFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken))?.ToModel();
    }

    public async Task<IReadOnlyList<ProjectFile>> FindAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await db.ProjectFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken)).Select(f => f.ToModel()).ToList();
    }

    public Stream OpenRead(ProjectFile file) => store.OpenRead(file.StorePath);

    /// <summary>
    /// The project file a job names, as Streamis' content parsers find it: <c>name-version</c> (one dash) names that
    /// version of <c>name</c>; any other name, or a dashed one with no such version, the newest version of the whole
    /// name (Streamis stops at the dashed form, so it cannot find a file whose own name has one dash). Null when absent.
    /// </summary>
    public async Task<ProjectFile?> ResolveAsync(string projectName, string reference, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var projectId = await db.Projects.Where(p => p.ActiveName == projectName).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (projectId is null) return null;
        var rows = db.ProjectFiles.AsNoTracking().Where(f => f.ProjectId == projectId);
        var parts = reference.Split('-');
        if (parts is [{ Length: > 0 } name, { Length: > 0 } version]
            && await rows.SingleOrDefaultAsync(f => f.FileName == name && f.Version == version, cancellationToken) is { } named)
            return named.ToModel();
        return (await rows.Where(f => f.FileName == reference).OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken))?.ToModel();
    }

    /// <summary>Every version of a file; answers how many rows went.</summary>
    public async Task<int> DeleteAsync(string projectName, string fileName, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var projectId = await ProjectIdAsync(db, projectName, cancellationToken);
        return await DeleteRowsAsync(db, await db.ProjectFiles.Where(f => f.ProjectId == projectId && f.FileName == fileName).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<int> DeleteVersionsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await DeleteRowsAsync(db, await db.ProjectFiles.Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Rows first, bytes after: a failure in between leaves an unreferenced file, never a row without bytes.</summary>
    private async Task<int> DeleteRowsAsync(StreamJobsDbContext db, List<ProjectFileEntity> rows, CancellationToken cancellationToken)
    {
        db.ProjectFiles.RemoveRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows) store.DeleteFile(row.StorePath);
        return rows.Count;
    }

    /// <summary>The live project of that name; files of a deleted project of the same name stay out of sight.</summary>
    private static async Task<long> ProjectIdAsync(StreamJobsDbContext db, string projectName, CancellationToken cancellationToken) =>
        await db.Projects.Where(p => p.ActiveName == projectName).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw ProjectNotFound(projectName);

    private static async Task<ProjectFilePage> PageAsync(IQueryable<ProjectFileEntity> rows, int pageNow, int pageSize, CancellationToken cancellationToken)
    {
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.Skip((pageNow - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ProjectFilePage(page.Select(f => f.ToModel()).ToList(), total);
    }

    /// <summary>A plain name: it is shown, downloaded and matched by jobs, so no folders and nothing invisible.</summary>
    private static string ValidFileName(string? name)
    {
        var value = Required("fileName", name, MaxFileNameLength);
        if (value is "." or ".." || value.IndexOfAny(['/', '\\']) >= 0 || value.Any(char.IsControl))
            throw Invalid($"fileName \"{value}\" must be a plain file name, without folders or control characters");
        return value;
    }

    private static string Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Invalid($"{field} cannot be empty!");
        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : throw Invalid($"{field} is longer than {maxLength} characters");
    }

    private static StreamJobsException Invalid(string message) => new(ErrorCodes.ProjectFile, StreamJobsErrorKind.Invalid, message);

    private static StreamJobsException ProjectNotFound(string name) =>
        new(ErrorCodes.ProjectNotFound, StreamJobsErrorKind.NotFound, $"project {name} does not exist");
}
