using System.Net;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Host.Tests.StreamisRest;

/// <summary>Reads a Linkis envelope and checks its four fields are all there.</summary>
public static class Envelope
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode http, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(http == response.StatusCode, $"expected HTTP {(int)http}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["method", "status", "message", "data"], body.Select(p => p.Key));
        Assert.True(status == (int)body["status"]!, $"expected status {status}: {text}");
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, (string?)body["method"]);
        Assert.IsType<JsonObject>(body["data"]);
        return body;
    }

    public static Task<JsonObject> OkAsync(HttpResponseMessage response) => ReadAsync(response, HttpStatusCode.OK, 0);

    /// <summary>A refusal the way Streamis returns it: HTTP 200, status 1.</summary>
    public static Task<JsonObject> ErrorAsync(HttpResponseMessage response) => ReadAsync(response, HttpStatusCode.OK, 1);

    /// <summary>A bad parameter, which Streamis throws: HTTP 400, status 1.</summary>
    public static Task<JsonObject> BadAsync(HttpResponseMessage response) => ReadAsync(response, HttpStatusCode.BadRequest, 1);
}
