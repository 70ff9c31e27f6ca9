using Microsoft.AspNetCore.Http.Features;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>The multipart uploads of the Streamis API (job zips, project resource files), read with the domain's size limit.</summary>
public static class StreamisForm
{
    /// <summary>Room for the multipart framing and the text fields around the file.</summary>
    private const long Overhead = 1024 * 1024;

    /// <summary>
    /// Reads the form of an upload of at most <paramref name="maxFileBytes"/> — the domain's limit, not the server's
    /// 30 MB / 128 MB defaults. A missing, malformed or oversized form is the caller's fault (HTTP 400), never a server fault.
    /// </summary>
    /// <param name="expected">What to send, for the answer to a request that is not a form.</param>
    public static async Task<IFormCollection> ReadAsync(HttpContext context, long maxFileBytes, string expected, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType) throw new StreamisRequestException($"send {expected}");
        var limit = maxFileBytes + Overhead;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        try
        {
            return await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw new StreamisRequestException($"the upload could not be read as multipart/form-data: {e.Message}");
        }
    }
}
