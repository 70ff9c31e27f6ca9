using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.ProjectFiles;
using Streamis.Workflows.StreamJobs.Services;
using Streamis.Workflows.StreamJobs.Upload;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary><c>/streamis/streamJobManager/job</c>: the job definition endpoints (list, versions, content, createOrUpdate, upload) and task views.</summary>
public static class StreamisJobEndpoints
{
    public const string Prefix = "/streamJobManager/job";

    public static void MapStreamisJobEndpoints(this RouteGroupBuilder streamis)
    {
        var group = streamis.MapGroup(Prefix);
        group.MapGet("/list", ListAsync);
        group.MapGet("/version", VersionAsync);
        group.MapGet("/jobContent", JobContentAsync);
        group.MapPost("/createOrUpdate", CreateOrUpdateAsync);
        group.MapPost("/upload", UploadAsync).DisableAntiforgery();
        group.MapStreamisTaskEndpoints();
        group.MapStreamisOperationEndpoints();
        group.MapStreamisLogEndpoints();
        group.MapStreamisBulkEndpoints();
    }

    private static async Task<IResult> ListAsync(HttpContext context, JobService jobs, CancellationToken ct)
    {
        var request = context.Request;
        var projectName = StreamisQuery.Text(request, "projectName");
        var pageNow = StreamisQuery.Int(request, "pageNow", 1, 1, int.MaxValue);
        var pageSize = StreamisQuery.Int(request, "pageSize", 20, 1, 500);
        var status = StreamisQuery.Text(request, "jobStatus") is not null ? StreamisQuery.Int(request, "jobStatus", 0, 0, 9) : (int?)null;
        if (projectName is null || projectName == "null") return LinkisMessage.Error(context, "Project name cannot be empty(项目名不能为空，请指定)");
        var user = StreamisPrivileges.UserName(context.User);
        var page = await jobs.ListForUserAsync(user,
            new JobListQuery(projectName, StreamisQuery.Text(request, "jobName"), status, StreamisQuery.Text(request, "jobCreator"), pageNow, pageSize),
            StreamisPrivileges.IsHostAdmin(context.User), ct);
        var tasks = new JsonArray();
        foreach (var item in page.Items)
        {
            var job = item.Job;
            tasks.Add(new JsonObject
            {
                ["id"] = job.Id,
                ["name"] = job.Name,
                ["workspaceName"] = job.WorkspaceName,
                ["projectId"] = item.ProjectId,
                ["projectName"] = job.ProjectName,
                ["jobType"] = job.JobType,
                ["label"] = job.Label,
                ["createBy"] = job.CreateBy,
                ["createTime"] = job.CreateTime.ToUnixTimeMilliseconds(),
                ["status"] = (int)item.Status,
                ["version"] = item.Version,
                ["lastVersionTime"] = item.LastVersionTime?.ToUnixTimeMilliseconds(),
                ["description"] = job.Description,
            });
        }
        // Streamis names the total row count "totalPage"; the UI reads it as the item count.
        return LinkisMessage.Ok(context, new JsonObject { ["tasks"] = tasks, ["totalPage"] = page.Total });
    }

    private static async Task<IResult> VersionAsync(HttpContext context, JobService jobs, StreamisPrivileges privileges, CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var versionName = StreamisQuery.RequiredText(context.Request, "version");
        var job = await FindJobAsync(jobs, jobId, ct);
        if (!await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Access, ct))
            return LinkisMessage.Error(context, $"Have no permission to view versions of StreamJob [{jobId}]");
        var version = await jobs.GetVersionAsync(jobId, versionName, ct);
        if (version is null) return LinkisMessage.Error(context, $"StreamJob [{jobId}] has no version {versionName}");
        return LinkisMessage.Ok(context, new JsonObject
        {
            ["detail"] = new JsonObject
            {
                ["id"] = version.Id,
                ["version"] = version.Version,
                ["description"] = job.Description,
                ["releaseTime"] = version.CreateTime.ToUnixTimeMilliseconds(),
                ["createBy"] = version.CreateBy,
                ["projectName"] = job.ProjectName,
            },
        });
    }

    private static async Task<IResult> JobContentAsync(HttpContext context, JobService jobs, JobFileStore files, ProjectFileService projectFiles, StreamisPrivileges privileges,
        CancellationToken ct)
    {
        var jobId = StreamisQuery.RequiredLong(context.Request, "jobId");
        var versionName = StreamisQuery.Text(context.Request, "version");
        var job = await FindJobAsync(jobs, jobId, ct);
        if (!await privileges.OnJobAsync(context.User, jobId, ProjectPrivilege.Access, ct))
            return LinkisMessage.Error(context, $"Have no permission to view the job content of StreamJob [{jobId}]");
        var version = await jobs.GetVersionAsync(jobId, versionName, ct);
        if (version is null)
            return LinkisMessage.Error(context, versionName is null ? $"StreamJob [{jobId}] has no version" : $"StreamJob [{jobId}] has no version {versionName}");
        return LinkisMessage.Ok(context, new JsonObject { ["jobContent"] = StreamisJobContent.ToJson(job, version, await SqlFileAsync(jobs, files, projectFiles, job, version, ct)) });
    }

    private static async Task<IResult> CreateOrUpdateAsync(HttpContext context, JobService jobs, CancellationToken ct)
    {
        var body = await StreamisBody.ReadObjectAsync(context.Request, ct);
        var meta = JobMeta.Parse(body);
        var saved = await jobs.CreateOrUpdateAsync(meta, StreamisPrivileges.UserName(context.User), StreamisPrivileges.IsHostAdmin(context.User), ct);
        return LinkisMessage.Ok(context, new JsonObject { ["jobId"] = saved.JobId });
    }

    private static async Task<IResult> UploadAsync(HttpContext context, JobService jobs, StreamJobsOptions options, CancellationToken ct)
    {
        var request = context.Request;
        var form = await StreamisForm.ReadAsync(context, options.Upload.MaxZipBytes, "the zip as multipart/form-data with the fields projectName and file", ct);
        // The web UI puts projectName in the query string, other clients in the form.
        var projectName = (form["projectName"].ToString() is { Length: > 0 } p && !string.IsNullOrWhiteSpace(p) ? p.Trim() : null)
            ?? StreamisQuery.RequiredText(request, "projectName");
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new StreamisRequestException("file cannot be empty!");
        await using var zip = file.OpenReadStream();
        var saved = await jobs.UploadAsync(projectName, file.FileName, zip, StreamisPrivileges.UserName(context.User), StreamisPrivileges.IsHostAdmin(context.User), ct);
        return LinkisMessage.Ok(context, new JsonObject { ["jobId"] = saved.JobId });
    }

    /// <summary>Bounded, so a large resource file named as the SQL cannot blow up the answer.</summary>
    private const int MaxSqlFileChars = 1024 * 1024;

    /// <summary>The text of the version file a <c>file</c> SQL job names, or null (not a file job, or no such file).</summary>
    /// <summary>The SQL of a <c>file</c> job: the version's own file of that name, else the project resource file it names.</summary>
    private static async Task<string?> SqlFileAsync(JobService jobs, JobFileStore files, ProjectFileService projectFiles, StreamJob job, StreamJobVersion version,
        CancellationToken ct)
    {
        if (job.JobType != JobTypes.FlinkSql || (string?)version.JobContent["type"] != "file" || version.JobContent["file"] is not JsonValue name) return null;
        if (name.GetValueKind() != System.Text.Json.JsonValueKind.String) return null;
        var fileName = name.GetValue<string>();
        var storePath = (await jobs.ListFilesAsync(version.Id, ct)).FirstOrDefault(f => f.FileName == fileName)?.StorePath
            ?? (await projectFiles.ResolveAsync(job.ProjectName, fileName, ct))?.StorePath;
        if (storePath is null) return null;
        await using var stream = files.OpenRead(storePath);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxSqlFileChars];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, read);
    }

    /// <summary>An unknown id is an ordinary refusal (status 1), as Streamis answers it.</summary>
    private static async Task<StreamJob> FindJobAsync(JobService jobs, long jobId, CancellationToken ct) =>
        await jobs.FindAsync(jobId, ct) ?? throw StreamJobsException.JobNotFound(jobId);
}
