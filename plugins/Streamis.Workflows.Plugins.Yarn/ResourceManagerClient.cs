using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;
using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Plugins.Yarn;

/// <summary>
/// YARN's REST API: the ResourceManager's application report and attempts (<c>/ws/v1/cluster/apps/{id}</c>) and the
/// NodeManager's container logs (<c>/ws/v1/node/containers/{id}/logs/{file}</c>) of the application master.
/// </summary>
internal sealed class ResourceManagerClient(IHttpClientFactory clients, YarnOptions options)
{
    public const string ClientName = "yarn.resourcemanager";

    /// <summary>The report's <c>app</c> object, or null when YARN does not know the application.</summary>
    public async Task<JsonElement?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(new Uri(options.ResourceManagerUrl!, $"ws/v1/cluster/apps/{Uri.EscapeDataString(applicationId)}"), cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound) return null;
        return Parse(body, "app", $"the report of {applicationId}");
    }

    /// <summary>The application master's log lines, read from the NodeManager that runs (or ran) its container.</summary>
    public async Task<(string Path, IReadOnlyList<string> Lines)> GetMasterLogAsync(string applicationId, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(new Uri(options.ResourceManagerUrl!, $"ws/v1/cluster/apps/{Uri.EscapeDataString(applicationId)}/appattempts"), cancellationToken)
            .ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound) throw new InvalidOperationException($"YARN does not know application {applicationId}.");
        var attempts = Parse(body, "appAttempts", $"the attempts of {applicationId}");
        var last = attempts.TryGetProperty("appAttempt", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? list[list.GetArrayLength() - 1]
            : throw new InvalidOperationException($"YARN lists no attempt of application {applicationId}, so it has no master log yet.");
        var container = last.GetProperty("containerId").GetString();
        var node = last.GetProperty("nodeHttpAddress").GetString();
        var scheme = options.ResourceManagerUrl!.Scheme;
        var url = new Uri($"{scheme}://{node}/ws/v1/node/containers/{container}/logs/{options.ApplicationMasterLog}");
        var (logStatus, log) = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (logStatus == HttpStatusCode.NotFound)
            throw new InvalidOperationException($"The NodeManager {node} has no {options.ApplicationMasterLog} of container {container} (application {applicationId}).");
        var lines = log.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return (url.AbsoluteUri, lines);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout * (options.MaxRetries + 1) + TimeSpan.FromSeconds(5 * options.MaxRetries));
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500) throw new TransientException($"YARN answered GET {url.AbsolutePath} with HTTP {(int)response.StatusCode}: {Excerpt(body)}");
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
                throw new InvalidOperationException($"YARN answered GET {url.AbsolutePath} with HTTP {(int)response.StatusCode}: {Excerpt(body)}");
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientException($"YARN at {url.Authority} did not answer GET {url.AbsolutePath} in time.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TransientException(string.Create(CultureInfo.InvariantCulture,
                $"YARN at {url.Authority} did not answer GET {url.AbsolutePath} within {options.RequestTimeout.TotalSeconds:0.#} s."), e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientException($"YARN at {url.Authority} could not be reached for GET {url.AbsolutePath}: {e.Message}", e);
        }
    }

    private static JsonElement Parse(string body, string property, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
                ? value.Clone()
                : throw new TransientException($"YARN answered {what} without '{property}': {Excerpt(body)}");
        }
        catch (JsonException)
        {
            throw new TransientException($"YARN answered {what} with something that is not JSON: {Excerpt(body)}");
        }
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body.Trim() : body[..300] + "…";
}
