using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Streamis.Workflows.Cli.Connection;

/// <summary>
/// Calls the host and turns every kind of failure into a <see cref="CliException"/> with the host's own words:
/// a Streamis envelope with a status other than 0, a problem body from the workflow API, or no answer at all.
/// </summary>
public sealed class HostClient(HttpClient http)
{
    public const string StreamisPrefix = "api/rest_j/v1/streamis/streamJobManager/";

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>A Streamis-compatible call; returns the envelope's <c>data</c>.</summary>
    public async Task<JsonElement> StreamisAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var json = await SendAsync(method, StreamisPrefix + path, body, ct).ConfigureAwait(false);
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number)
            throw new CliException($"{path}: the host's answer is not a Streamis message");
        if (status.GetInt32() != 0)
        {
            var message = json.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            throw new CliException(string.IsNullOrWhiteSpace(message) ? $"{path}: the host refused (status {status.GetInt32()})" : message!);
        }
        return json.TryGetProperty("data", out var data) ? data : default;
    }

    /// <summary>A call to the workflow API (problem bodies on failure).</summary>
    public Task<JsonElement> ApiAsync(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync(method, path, body, ct);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the host at {http.BaseAddress}: {e.Message}", ExitCodes.Unreachable);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliException($"the host at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s", ExitCodes.Unreachable);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized)
                throw new CliException("the host did not accept the credentials: give --token (and --user for Token-User/Token-Code), or set STREAMIS_TOKEN", ExitCodes.Unauthorized);
            if (response.StatusCode is HttpStatusCode.Forbidden)
                throw new CliException($"{path}: the host says this user may not do that", ExitCodes.Unauthorized);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            JsonElement json;
            try
            {
                json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CliException($"{path}: the host answered HTTP {(int)response.StatusCode} with a body that is not JSON");
            }
            if (!response.IsSuccessStatusCode && !IsStreamisMessage(json))
                throw new CliException(ProblemText(path, (int)response.StatusCode, json));
            return json;
        }
    }

    // Streamis answers some refusals with HTTP 4xx and its envelope; the envelope's message is the one to show.
    private static bool IsStreamisMessage(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && json.TryGetProperty("message", out _);

    private static string ProblemText(string path, int status, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return $"{path}: the host answered HTTP {status}";
        var parts = new List<string>();
        if (json.TryGetProperty("title", out var title)) parts.Add(title.GetString() ?? "");
        if (json.TryGetProperty("detail", out var detail)) parts.Add(detail.GetString() ?? "");
        if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            foreach (var error in errors.EnumerateArray())
                parts.Add($"{Text(error, "path")}: {Text(error, "message")}");
        return parts.Count == 0 ? $"{path}: the host answered HTTP {status}" : string.Join("; ", parts.Where(p => p.Length > 0));
    }

    /// <summary>A whole-number field of an answer; 0 when it is missing or not a number (TryGetInt32 throws on a non-number).</summary>
    public static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    public static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                _ => value.GetRawText(),
            }
            : "";
}
