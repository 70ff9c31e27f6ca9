using System.Net.Http.Headers;

namespace Streamis.Workflows.Cli.Connection;

/// <summary>
/// Where the host is and who is calling: from --host/--token/--user, or STREAMIS_HOST/STREAMIS_TOKEN/STREAMIS_USER.
/// With a user the Linkis-style Token-User/Token-Code headers are sent, otherwise the token as a bearer token.
/// </summary>
public sealed record HostConnection(Uri BaseAddress, string? Token, string? User)
{
    public const string DefaultHost = "http://127.0.0.1:5000";

    public static HostConnection From(string? host, string? token, string? user)
    {
        host ??= Environment.GetEnvironmentVariable("STREAMIS_HOST") ?? DefaultHost;
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliException($"--host: \"{host}\" is not an http(s) URL", ExitCodes.Usage);
        return new HostConnection(uri, token ?? Environment.GetEnvironmentVariable("STREAMIS_TOKEN"), user ?? Environment.GetEnvironmentVariable("STREAMIS_USER"));
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = BaseAddress;
        client.Timeout = TimeSpan.FromMinutes(10);
        Authorize(client);
        return client;
    }

    public void Authorize(HttpClient client)
    {
        if (Token is null) return;
        if (User is null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        else
        {
            client.DefaultRequestHeaders.Add("Token-User", User);
            client.DefaultRequestHeaders.Add("Token-Code", Token);
        }
    }
}
