namespace Streamis.Workflows.Plugins.Dss.Tests.Support;

/// <summary>
/// Makes every request a DSS hand-off, as DSS' SSO request builder does for its AppConn calls:
/// <c>?dssurl=&amp;cookies=&amp;workspace=&amp;appName=</c> appended to the URL, the values encoded.
/// </summary>
public sealed class HandoffHandler(string dssUrl, string cookies, string? workspace) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var parameters = $"dssurl={Uri.EscapeDataString(dssUrl)}&cookies={Uri.EscapeDataString(cookies)}&appName=streamis"
            + (workspace is null ? "" : $"&workspace={Uri.EscapeDataString(workspace)}");
        request.RequestUri = new Uri(uri.ToString() + (uri.Query.Length > 0 ? "&" : "?") + parameters, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
        return base.SendAsync(request, cancellationToken);
    }
}
