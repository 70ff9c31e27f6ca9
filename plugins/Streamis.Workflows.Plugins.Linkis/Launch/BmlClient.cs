using System.Text.Json;
using Streamis.Workflows.Plugins.Linkis.Gateway;

namespace Streamis.Workflows.Plugins.Linkis.Launch;

/// <summary>Uploads to and reads from Linkis BML, as the Linkis client does for once-jobs and Streamis for job files.</summary>
internal sealed class BmlClient(LinkisGateway gateway)
{
    public async Task<BmlResource> UploadAsync(byte[] content, string? fileName, string user, CancellationToken cancellationToken)
    {
        var data = await gateway.UploadAsync("bml/upload", "bml/upload", content, user, cancellationToken).ConfigureAwait(false);
        var resourceId = Text(data, "resourceId");
        var version = Text(data, "version");
        if (resourceId is null || version is null)
            throw new LinkisException("bml/upload", $"Linkis BML accepted an upload of {fileName ?? "the job content"} but did not say its resourceId and version: {gateway.Redact(data.ToString())}");
        return new BmlResource(resourceId, version, fileName);
    }

    public Task<byte[]> DownloadAsync(string resourceId, string version, string user, CancellationToken cancellationToken) =>
        gateway.DownloadAsync("bml/downloadShareResource",
            $"bml/downloadShareResource?resourceId={Uri.EscapeDataString(resourceId)}&version={Uri.EscapeDataString(version)}", user, cancellationToken);

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
