using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Json;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>A plain JSON object body (Streamis uses no request wrapper), bounded in size and depth.</summary>
public static class StreamisBody
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw new StreamisRequestException($"the body is larger than {MaxBytes / 1024 / 1024} MiB");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new StreamisRequestException($"the body is larger than {MaxBytes / 1024 / 1024} MiB");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new StreamisRequestException("the body is empty: send a JSON object");
        JsonNode? node;
        try
        {
            // Duplicate names and half surrogate pairs are refused while parsing: reading them later would throw, as a 500.
            node = StrictJson.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw new StreamisRequestException($"the body is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
        return node as JsonObject ?? throw new StreamisRequestException("the body must be a JSON object");
    }
}
