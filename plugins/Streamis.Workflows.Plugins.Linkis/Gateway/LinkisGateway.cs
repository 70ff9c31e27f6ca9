using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// Calls the Linkis gateway (<c>/api/rest_j/v1/...</c>) with token headers and reads the Linkis envelope
/// <c>{method, status, message, data}</c>: <c>status</c> in the body decides success, not the HTTP code. Every failure
/// becomes a <see cref="LinkisException"/> (a refusal) or a <see cref="LinkisUnavailableException"/> (worth retrying),
/// naming the call and what Linkis said, with the token code cut out of anything Linkis echoed.
/// </summary>
internal sealed class LinkisGateway(IHttpClientFactory clients, string owner, LinkisGatewaySettings settings, ILogger logger)
{
    public const string ApiPrefix = "api/rest_j/v1/";
    private const int ExcerptLength = 500;

    public LinkisGatewaySettings Settings => settings;

    /// <summary>A gateway client over the host's HTTP client factory and logging, as a plugin registers it.</summary>
    public static LinkisGateway From(IServiceProvider provider, string owner, LinkisGatewaySettings settings) =>
        new((IHttpClientFactory)(provider.GetService(typeof(IHttpClientFactory)) ?? throw new InvalidOperationException("The host provides no IHttpClientFactory.")),
            owner, settings, ((ILoggerFactory?)provider.GetService(typeof(ILoggerFactory)) ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<LinkisGateway>());

    /// <summary>The user a call is made as: the fixed token user when one is configured, else the given one.</summary>
    public string UserFor(string user) => settings.TokenUser ?? user;

    /// <summary>POSTs a JSON body; <paramref name="idempotent"/> calls are retried on transient failures, others never.</summary>
    public Task<JsonElement> PostAsync(string call, string path, JsonNode body, string user, bool idempotent, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        SendAsync(call, () => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, user, idempotent, timeout, cancellationToken);

    public Task<JsonElement> GetAsync(string call, string pathAndQuery, string user, CancellationToken cancellationToken) =>
        SendAsync(call, () => new HttpRequestMessage(HttpMethod.Get, pathAndQuery), user, idempotent: true, null, cancellationToken);

    /// <summary>A GET whose success is the raw body (BML downloads); a failure still comes as a Linkis message.</summary>
    public async Task<byte[]> DownloadAsync(string call, string pathAndQuery, string user, CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        await SendAsync(call, () => new HttpRequestMessage(HttpMethod.Get, pathAndQuery), user, idempotent: true, null, cancellationToken,
            response => bytes = response).ConfigureAwait(false);
        return bytes!;
    }

    /// <summary>A GET with the caller's Linkis session cookie instead of a token (the gateway's <c>/user/*</c> endpoints ignore tokens).</summary>
    public Task<JsonElement> GetWithSessionAsync(string call, string pathAndQuery, string cookieHeader, CancellationToken cancellationToken) =>
        SendAsync(call, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
            return request;
        }, user: null, idempotent: true, null, cancellationToken);

    /// <summary>
    /// Uploads bytes as the Linkis client does: one multipart part named <c>file</c> whose file name is also <c>file</c>.
    /// Retried like a read: a repeated upload only leaves an unused resource behind.
    /// </summary>
    public Task<JsonElement> UploadAsync(string call, string path, byte[] content, string user, CancellationToken cancellationToken) =>
        SendAsync(call, () =>
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
            var form = new MultipartFormDataContent { { part, "file", "file" } };
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        }, user, idempotent: true, null, cancellationToken);

    /// <summary>
    /// Runs an operation on an EngineConn (<c>executeEngineConnOperation</c>) or on its manager (<c>executeECMOperation</c>)
    /// and returns its <c>result</c>; an operation that reports <c>isError</c> is a refusal naming the operation.
    /// </summary>
    public async Task<JsonElement> OperateAsync(ServiceInstance target, string operation, IReadOnlyDictionary<string, JsonNode?> parameters, string user,
        bool idempotent, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var onManager = target.ApplicationName == ServiceInstance.EngineConnManagerApplication;
        var body = new JsonObject
        {
            ["applicationName"] = target.ApplicationName,
            ["instance"] = target.Instance,
        };
        var parameterObject = new JsonObject { ["__operator_name__"] = operation };
        foreach (var (key, value) in parameters) parameterObject[key] = value?.DeepClone();
        body["parameters"] = parameterObject;
        var path = onManager ? "linkisManager/executeECMOperation" : "linkisManager/executeEngineConnOperation";
        var data = await PostAsync(operation, path, body, user, idempotent, cancellationToken, timeout).ConfigureAwait(false);
        if (data.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True)
        {
            var error = Redact(data.TryGetProperty("errorMsg", out var text) ? text.ToString() : "");
            throw new LinkisException(operation, $"Linkis could not run the operation {operation} on {target}: {error}", linkisMessage: error);
        }
        return data.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : EmptyObject();
    }

    private async Task<JsonElement> SendAsync(string call, Func<HttpRequestMessage> build, string? user, bool idempotent, TimeSpan? timeout,
        CancellationToken cancellationToken, Action<byte[]>? rawSuccess = null)
    {
        var limit = timeout ?? (idempotent ? settings.RetryingCallTimeout : settings.RequestTimeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var client = clients.CreateClient(idempotent ? LinkisHttpClients.Retrying(owner) : LinkisHttpClients.Once(owner));
        using var request = build();
        request.RequestUri = new Uri(settings.GatewayUrl, ApiPrefix + request.RequestUri!.OriginalString);
        if (user is not null)
        {
            request.Headers.TryAddWithoutValidation("Token-User", UserFor(user));
            request.Headers.TryAddWithoutValidation("Token-Code", settings.TokenCode);
        }
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        string text;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            status = response.StatusCode;
            if (rawSuccess is not null && response.IsSuccessStatusCode && !IsJson(response))
            {
                rawSuccess(await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false));
                return EmptyObject();
            }
            text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unanswered(call, idempotent, $"did not answer within {Seconds(limit)}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw Unanswered(call, idempotent, $"did not answer within {Seconds(settings.RequestTimeout)}, {settings.MaxRetries + 1} time(s)", e);
        }
        catch (HttpRequestException e)
        {
            // A refused connection never reached Linkis, so even a call that must not be sent twice is safe to try again.
            var neverSent = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
            throw Unanswered(call, idempotent || neverSent, $"could not be reached ({Redact(e.Message)})", e);
        }
        logger.LogDebug("Linkis {Call} answered HTTP {Status} in {Elapsed} ms", call, (int)status, clock.ElapsedMilliseconds);
        return Read(call, status, text, user, idempotent);
    }

    private JsonElement Read(string call, HttpStatusCode status, string text, string? user, bool idempotent)
    {
        var code = (int)status;
        if (code >= 500) throw Unusable(call, idempotent, $"answered {call} with HTTP {code}: {Excerpt(text)}");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Unusable(call, idempotent, $"answered {call} with HTTP {code} and a body that is not a Linkis message: {Excerpt(text)}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw Unusable(call, idempotent, $"answered {call} with HTTP {code} and JSON that is not a Linkis message: {Excerpt(text)}");

        // As the Linkis client reads it: a missing status is success.
        var linkisStatus = root.TryGetProperty("status", out var statusElement) && statusElement.TryGetInt32(out var number) ? number : 0;
        var message = Redact(root.TryGetProperty("message", out var messageElement) ? messageElement.ToString() : "");
        if (code == 401 || linkisStatus == -1)
        {
            var who = user is null ? "the session cookie" : $"Token-User {UserFor(user)} and the configured Token-Code";
            throw new LinkisException(call, $"Linkis gateway {settings.GatewayUrl} did not accept {who} for {call} (HTTP {code}, status {linkisStatus}): {message}",
                code, linkisStatus, message);
        }
        if (linkisStatus != 0)
        {
            var refusal = $"Linkis refused {call} (HTTP {code}, status {linkisStatus}): {message}";
            if (message.Contains(EngineConnNotFoundException.Marker, StringComparison.Ordinal))
                throw new EngineConnNotFoundException(call, refusal, code, linkisStatus, message);
            throw new LinkisException(call, refusal, code, linkisStatus, message);
        }
        if (code >= 400)
            throw new LinkisException(call, $"Linkis gateway {settings.GatewayUrl} answered {call} with HTTP {code}: {Excerpt(text)}", code, linkisStatus, message);
        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : EmptyObject();
    }

    private Exception Unanswered(string call, bool retryable, string what, Exception inner)
    {
        var text = $"Linkis gateway {settings.GatewayUrl} {what} for {call}";
        logger.LogWarning("Linkis {Call}: {Problem}", call, Redact(what));
        return retryable
            ? new LinkisUnavailableException(call, text + ".", inner)
            // Without the cause attached: a time-out inside would make a retry policy repeat what must not be repeated.
            : new LinkisException(call, text + NotRepeated(call));
    }

    /// <summary>
    /// A 5xx or an unreadable answer. For a call that is safe to repeat, worth retrying. For one that is not, it may
    /// have been carried out all the same (a proxy's 502 after Linkis acted, a body cut off on the way), so it is a
    /// refusal: retrying a createEngineConn on it would launch the job twice.
    /// </summary>
    private Exception Unusable(string call, bool idempotent, string what)
    {
        var text = $"Linkis gateway {settings.GatewayUrl} {what}";
        return idempotent ? new LinkisUnavailableException(call, text) : new LinkisException(call, text + NotRepeated(call));
    }

    private static string NotRepeated(string call) =>
        $"; {call} is not sent twice, so whether Linkis carried it out is unknown: check Linkis before trying again.";

    /// <summary>Linkis echoes a rejected token in its message ("token: &lt;code&gt;"): it never goes further.</summary>
    public string Redact(string text) =>
        settings.TokenCode.Length == 0 ? text : text.Replace(settings.TokenCode, "***", StringComparison.Ordinal);

    private string Excerpt(string text)
    {
        var redacted = Redact(text.Trim());
        return redacted.Length <= ExcerptLength ? redacted : redacted[..ExcerptLength] + "…";
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
