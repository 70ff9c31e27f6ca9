namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>One generated request: what it does in words (for the failure report) and how to make it again.</summary>
public sealed record FuzzCase(int Number, HostEndpoint Endpoint, string Method, string Url, bool Anonymous, string What, Func<HttpContent?> Content)
{
    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url) { Content = Content() };
        // A server may answer before it reads a body it does not want (401, 404); with 100-continue the client hears
        // that answer instead of writing megabytes into a closed connection.
        if (request.Content is not null) request.Headers.ExpectContinue = true;
        return request;
    }

    public override string ToString() => $"#{Number} {Method} {(Url.Length > 160 ? Url[..160] + "…" : Url)}{(Anonymous ? " (anonymous)" : "")} [{What}]";
}
