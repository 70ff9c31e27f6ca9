using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Dss.Gateway;

/// <summary>
/// The configured DSS/Linkis gateway: who holds a session ticket (<c>GET /api/rest_j/v1/user/userInfo</c>, as DSS'
/// own SSO plug-in asks), and the projects of a workspace with their members (DSS' <c>getAllProjects</c>, with the
/// Linkis token of <c>Plugins:dss:TokenUser</c>/<c>TokenCode</c>). Only ever this gateway: never one a request names.
/// </summary>
public sealed class DssGatewayClient(IHttpClientFactory httpClients, DssOptions options)
{
    public const string HttpClientName = "dss-gateway";
    public const string UserInfoPath = "api/rest_j/v1/user/userInfo";
    public const string ProjectsPath = "api/rest_j/v1/dss/framework/project/getAllProjects";

    private const int Attempts = 2;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The user name the gateway gives for the ticket, or null when it does not know the ticket (not logged in, expired).</summary>
    public async Task<string?> FindUserNameAsync(string ticket, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, UserInfoPath);
            request.Headers.Add("Cookie", $"{options.TicketCookie}={ticket}");
            return request;
        }, "GET /" + UserInfoPath, cancellationToken);
        return answer.Status == 0 && answer.Data["userName"] is JsonValue name && name.GetValueKind() == JsonValueKind.String
            && name.GetValue<string>().Trim() is { Length: > 0 } userName
            ? userName
            : null;
    }

    /// <summary>The projects DSS lists for a workspace, with their three user lists.</summary>
    public async Task<IReadOnlyList<SyncedProject>> ListProjectsAsync(long workspaceId, CancellationToken cancellationToken)
    {
        var call = $"POST /{ProjectsPath} (workspace {workspaceId})";
        var answer = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ProjectsPath) { Content = JsonContent.Create(new { workspaceId }) };
            request.Headers.Add("Token-User", options.TokenUser);
            request.Headers.Add("Token-Code", options.TokenCode);
            return request;
        }, call, cancellationToken);
        if (answer.Status != 0) throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} refused {call}: status {answer.Status}, {Redact(answer.Message)}");
        if (answer.Data["projects"] is not JsonArray projects)
            throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} answered {call} without a data.projects list");
        var synced = new List<SyncedProject>(projects.Count);
        foreach (var project in projects.OfType<JsonObject>())
        {
            if (Text(project["name"]) is not { } name) continue;
            synced.Add(new SyncedProject(name, workspaceId, Text(project["description"]),
                Users(project["releaseUsers"]), Users(project["editUsers"]), Users(project["accessUsers"])));
        }
        return synced;
    }

    /// <summary>
    /// Both calls only read, so a gateway that could not answer (unreachable, too slow, 5xx) is asked once more after a
    /// short pause: one blip neither signs a DSS user out with a 503 nor holds a project sync back for its retry delay.
    /// </summary>
    private async Task<LinkisAnswer> SendAsync(Func<HttpRequestMessage> build, string call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            try
            {
                return await SendOnceAsync(request, call, cancellationToken);
            }
            catch (DssGatewayException e) when (attempt < Attempts && e.InnerException is not null)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private async Task<LinkisAnswer> SendOnceAsync(HttpRequestMessage request, string call, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.GatewayTimeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} did not answer {call} within {options.GatewayTimeout.TotalSeconds:0.#} s",
                new TimeoutException(call));
        }
        catch (HttpRequestException e)
        {
            throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} could not be reached for {call}: {e.Message}", e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500)
                throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} answered {call} with HTTP {status}",
                    new HttpRequestException($"HTTP {status}", null, response.StatusCode));
            var text = await response.Content.ReadAsStringAsync(limit.Token);
            try
            {
                if (JsonNode.Parse(text) is JsonObject body && body["status"] is JsonValue code && code.TryGetValue<int>(out var linkisStatus))
                    return new LinkisAnswer(linkisStatus, Text(body["message"]), body["data"] as JsonObject ?? []);
            }
            catch (JsonException)
            {
                // Reported below with the HTTP status, like any other answer that is not a Linkis message.
            }
            throw new DssGatewayException($"the DSS gateway {options.GatewayUrl} answered {call} with HTTP {status} and a body that is not a Linkis message");
        }
    }

    /// <summary>The gateway echoes a token it refuses ("token: &lt;code&gt;"): the configured one never goes further.</summary>
    private string? Redact(string? text) =>
        text is null || string.IsNullOrEmpty(options.TokenCode) ? text : text.Replace(options.TokenCode, "***", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } text ? text : null;

    private static List<string> Users(JsonNode? node) =>
        node is JsonArray users ? users.Select(Text).OfType<string>().ToList() : [];
}
