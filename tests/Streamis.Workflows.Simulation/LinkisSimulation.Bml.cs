using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WireMock;

namespace Streamis.Workflows.Simulation;

/// <summary>BML: multipart uploads (one part named <c>file</c>) and share-resource downloads.</summary>
public sealed partial class LinkisSimulation
{
    private readonly ConcurrentDictionary<string, byte[]> bml = new(StringComparer.Ordinal);
    private long bmlTasks;

    /// <summary>A BML resource's bytes, or null.</summary>
    public byte[]? BmlResource(string resourceId, string version = "v000001") => bml.TryGetValue(resourceId + "@" + version, out var bytes) ? bytes : null;

    /// <summary>Puts a resource into BML as if uploaded earlier (a <c>bml</c> SQL job's script) and returns its id.</summary>
    public string AddBmlResource(string content)
    {
        var id = Guid.NewGuid().ToString();
        bml[id + "@v000001"] = Encoding.UTF8.GetBytes(content);
        return id;
    }

    /// <summary>The once-executor content (<c>{jobContent, runtime, source, variable}</c>) an EngineConn was launched with.</summary>
    public JsonObject ExecutorContent(SimulatedEngineConn engineConn)
    {
        var reference = engineConn.Properties["onceExecutorContent"]!.GetValue<string>();
        var (id, version) = ParseBmlReference(reference) ?? throw new InvalidOperationException($"'{reference}' is not a BML reference.");
        return (JsonObject)JsonNode.Parse(BmlResource(id, version) ?? throw new InvalidOperationException($"BML has no {id} {version}."))!;
    }

    private bool IsBmlReference(string reference) =>
        ParseBmlReference(reference) is var (id, version) && BmlResource(id, version) is not null;

    private static (string Id, string Version)? ParseBmlReference(string reference)
    {
        if (!reference.StartsWith("resource_", StringComparison.Ordinal) || reference.Length < 12) return null;
        if (!int.TryParse(reference.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || 12 + length >= reference.Length) return null;
        return (reference.Substring(12, length), reference[(12 + length)..]);
    }

    private async Task<ResponseMessage> UploadAsync(IRequestMessage request)
    {
        var contentType = request.Headers?.TryGetValue("Content-Type", out var type) == true ? type.ToString() : null;
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
            return Thrown("linkis-ps-publicservice", 50073, "The commit upload resource task failed(提交上传资源任务失败):the request is not multipart");
        byte[]? file = null;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "")));
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file") continue;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer).ConfigureAwait(false);
            file = buffer.ToArray();
        }
        if (file is null) return Thrown("linkis-ps-publicservice", 50073, "The commit upload resource task failed(提交上传资源任务失败):no part named file");
        var id = Guid.NewGuid().ToString();
        bml[id + "@v000001"] = file;
        return Envelope(200, "/bml/upload", 0, "The task of submitting and uploading resources was successful(提交上传资源任务成功)", new JsonObject
        {
            ["resourceId"] = id,
            ["version"] = "v000001",
            ["taskId"] = Interlocked.Increment(ref bmlTasks),
        });
    }

    private ResponseMessage Download(IRequestMessage request)
    {
        var id = request.Query?.TryGetValue("resourceId", out var ids) == true ? ids.ToString() : null;
        var version = request.Query?.TryGetValue("version", out var versions) == true ? versions.ToString() : "v000001";
        if (id is null || BmlResource(id, version!) is not { } bytes)
            return Thrown("linkis-ps-publicservice", 78361, $"resourceId: {id}is Null, illegal, or deleted!");
        var response = Text(200, Encoding.UTF8.GetString(bytes), "application/x-msdownload");
        response.AddHeader("Content-Disposition", "attachment");
        return response;
    }
}
