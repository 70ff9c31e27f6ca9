using System.Globalization;
using System.Text.Json.Nodes;
using Streamis.Workflows.StreamJobs;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.ProjectFiles;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>
/// <c>/streamis/streamProjectManager/project/files</c> (Streamis §12): project resource files. Listing needs the access
/// privilege; upload, delete and download need edit, as in Streamis.
/// </summary>
public static class StreamisProjectFileEndpoints
{
    public const string Prefix = "/streamProjectManager/project/files";

    public static void MapStreamisProjectFileEndpoints(this RouteGroupBuilder streamis)
    {
        var group = streamis.MapGroup(Prefix);
        group.MapGet("/list", ListAsync);
        group.MapGet("/version/list", VersionsAsync);
        group.MapPost("/upload", UploadAsync).DisableAntiforgery();
        group.MapGet("/delete", DeleteAsync);
        group.MapGet("/version/delete", DeleteVersionsAsync);
        group.MapGet("/download", DownloadAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, CancellationToken ct)
    {
        var request = context.Request;
        var projectName = StreamisQuery.RequiredText(request, "projectName");
        var (pageNow, pageSize) = Paging(request);
        if (!await privileges.OnProjectAsync(context.User, projectName, ProjectPrivilege.Access, ct))
            return NoPrivilege(context, "view the files of", projectName);
        var page = await files.ListAsync(projectName, StreamisQuery.Text(request, "filename"), StreamisQuery.Text(request, "username"), pageNow, pageSize, ct);
        return PageAnswer(context, page);
    }

    private static async Task<IResult> VersionsAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, CancellationToken ct)
    {
        var request = context.Request;
        var projectName = StreamisQuery.RequiredText(request, "projectName");
        var fileName = StreamisQuery.RequiredText(request, "fileName");
        var (pageNow, pageSize) = Paging(request);
        if (!await privileges.OnProjectAsync(context.User, projectName, ProjectPrivilege.Access, ct))
            return NoPrivilege(context, "view the files of", projectName);
        return PageAnswer(context, await files.ListVersionsAsync(projectName, fileName, pageNow, pageSize, ct));
    }

    private static async Task<IResult> UploadAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, StreamJobsOptions options, CancellationToken ct)
    {
        var form = await StreamisForm.ReadAsync(context, options.Upload.MaxEntryBytes, "the file as multipart/form-data with the fields file, projectName and version", ct);
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : StreamisQuery.Text(context.Request, name);
        var projectName = Field("projectName") ?? throw new StreamisRequestException("projectName cannot be empty!");
        var version = Field("version") ?? throw new StreamisRequestException("version cannot be empty!");
        var file = form.Files.GetFile("file") ?? throw new StreamisRequestException("file cannot be empty!");
        var replace = Field("updateWhenExists") is { } flag && (bool.TryParse(flag, out var parsed)
            ? parsed
            : throw new StreamisRequestException($"updateWhenExists must be true or false, not \"{flag}\""));
        var fileName = Field("fileName") ?? Path.GetFileName(file.FileName);
        if (!await privileges.OnProjectAsync(context.User, projectName, ProjectPrivilege.Edit, ct))
            return NoPrivilege(context, "upload files to", projectName);
        await using var content = file.OpenReadStream();
        var outcome = await files.UploadAsync(
            new ProjectFileUpload(projectName, fileName, version, Field("comment"), replace, StreamisPrivileges.UserName(context.User)), content, ct);
        // Streamis returns this warning (status 4) rather than throwing it, so it travels as HTTP 200.
        return outcome == ProjectFileUploadOutcome.AlreadyExists
            ? Results.Json(LinkisMessage.Body(context, LinkisStatus.Warning,
                $"the file:[{fileName}]is exist, version:[{version}]; upload again with updateWhenExists=true to replace it", null))
            : LinkisMessage.Ok(context);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, CancellationToken ct)
    {
        var projectName = StreamisQuery.RequiredText(context.Request, "projectName");
        var fileName = StreamisQuery.RequiredText(context.Request, "fileName");
        if (!await privileges.OnProjectAsync(context.User, projectName, ProjectPrivilege.Edit, ct))
            return NoPrivilege(context, "delete files of", projectName);
        return await files.DeleteAsync(projectName, fileName, ct) > 0
            ? LinkisMessage.Ok(context)
            : LinkisMessage.Error(context, $"project {projectName} has no file {fileName}");
    }

    private static async Task<IResult> DeleteVersionsAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, CancellationToken ct)
    {
        var ids = StreamisQuery.RequiredText(context.Request, "ids")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(id => StreamisQuery.Long("ids", id)).Distinct().ToList();
        var found = await files.FindAsync(ids, ct);
        var missing = ids.Except(found.Select(f => f.Id)).ToList();
        if (missing.Count > 0) return LinkisMessage.Error(context, $"no project file has the id {string.Join(", ", missing)}");
        foreach (var project in found.Select(f => f.ProjectName).Distinct())
        {
            if (!await privileges.OnProjectAsync(context.User, project, ProjectPrivilege.Edit, ct))
                return NoPrivilege(context, "delete files of", project);
        }
        await files.DeleteVersionsAsync(ids, ct);
        return LinkisMessage.Ok(context);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, ProjectFileService files, StreamisPrivileges privileges, CancellationToken ct)
    {
        var id = StreamisQuery.RequiredLong(context.Request, "id");
        var projectName = StreamisQuery.RequiredText(context.Request, "projectName");
        if (!await privileges.OnProjectAsync(context.User, projectName, ProjectPrivilege.Edit, ct))
            return NoPrivilege(context, "download files of", projectName);
        // The project named must hold the file, so an edit privilege on one project opens no other project's files.
        if (await files.FindAsync(id, ct) is not { } file || file.ProjectName != projectName)
            return LinkisMessage.Error(context, $"project {projectName} has no file with id {id}");
        return Results.File(files.OpenRead(file), "application/octet-stream", file.FileName);
    }

    private static (int PageNow, int PageSize) Paging(HttpRequest request) =>
        (StreamisQuery.Int(request, "pageNow", 1, 1, int.MaxValue), StreamisQuery.Int(request, "pageSize", 20, 1, 500));

    /// <summary>Streamis' <c>totalPage</c> holds the row count, which the UI's pager reads as the number of items.</summary>
    private static IResult PageAnswer(HttpContext context, ProjectFilePage page) => LinkisMessage.Ok(context, new JsonObject
    {
        ["files"] = new JsonArray(page.Files.Select(f => (JsonNode)ToJson(f)).ToArray()),
        ["totalPage"] = page.Total,
    });

    private static JsonObject ToJson(ProjectFile f) => new()
    {
        ["id"] = f.Id,
        ["fileName"] = f.FileName,
        ["version"] = f.Version,
        ["storePath"] = f.StorePath,
        ["storeType"] = f.StoreType,
        ["projectName"] = f.ProjectName,
        ["size"] = f.Size,
        ["comment"] = f.Comment,
        ["createBy"] = f.CreateBy,
        ["createTime"] = f.CreateTime.ToUnixTimeMilliseconds(),
        ["updateTime"] = f.UpdateTime.ToUnixTimeMilliseconds(),
    };

    private static IResult NoPrivilege(HttpContext context, string action, string projectName) =>
        LinkisMessage.Error(context, string.Create(CultureInfo.InvariantCulture,
            $"the user {StreamisPrivileges.UserName(context.User)} has no privilege to {action} project {projectName}"));
}
