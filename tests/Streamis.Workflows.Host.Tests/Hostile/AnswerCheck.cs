using System.Text.Json;
using System.Text.RegularExpressions;

namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>
/// What every answer to a hostile request must be: not a 5xx; an error a caller can read (a problem body naming the
/// problem, or under /api/rest_j/v1 the Linkis envelope with a non-zero status and a message); and nothing of the
/// host's insides — no stack frame, no exception type.
/// </summary>
internal static partial class AnswerCheck
{
    public const string LinkisPrefix = "/api/rest_j/v1";

    /// <summary>Why the answer is wrong, or null when it is fine.</summary>
    public static string? Failure(string method, string path, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500) return $"answered {status}";
        if (method == "HEAD" || IsServerRefusal(response, body)) return null;
        if (body.Contains("   at ", StringComparison.Ordinal)) return "a stack trace in the body";
        var isError = status >= 400;
        var envelope = path.StartsWith(LinkisPrefix, StringComparison.OrdinalIgnoreCase);
        if (isError && ExceptionType().Match(body) is { Success: true } type) return $"names the type {type.Value}";
        if (!isError) return envelope && mediaType == "application/json" ? EnvelopeFailure(body, mustFail: false) : null;
        if (envelope) return mediaType == "application/json" ? EnvelopeFailure(body, mustFail: true) : $"{status} as {mediaType ?? "nothing"}, not a Linkis envelope";
        if (mediaType != "application/problem+json") return $"{status} as {mediaType ?? "nothing"}, not a problem body";
        return ProblemFailure(status, body);
    }

    /// <summary>
    /// Kestrel's own refusal of a request it will not hand to the host (a request line over its limit, a NUL in the
    /// path): an empty answer that closes the connection, given before any middleware could write a body.
    /// </summary>
    private static bool IsServerRefusal(HttpResponseMessage response, string body) =>
        (int)response.StatusCode is 400 or 413 or 414 or 431 && body.Length == 0 && response.Content.Headers.ContentType is null
        && response.Headers.ConnectionClose == true;

    private static string? EnvelopeFailure(string body, bool mustFail)
    {
        if (!TryParse(body, out var root) || root.ValueKind != JsonValueKind.Object) return "not a JSON object";
        if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number) return "an envelope without a numeric status";
        var code = status.GetInt32();
        if (mustFail && code == 0) return "an error answered with envelope status 0";
        if (code != 0 && (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(message.GetString())))
            return $"envelope status {code} without a message";
        return null;
    }

    private static string? ProblemFailure(int status, string body)
    {
        if (!TryParse(body, out var root) || root.ValueKind != JsonValueKind.Object) return "a problem body that is not a JSON object";
        if (!root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status) return "a problem body whose status is not the HTTP status";
        if (!root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())) return "a problem body without a title";
        var hasDetail = root.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString());
        var hasErrors = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;
        return hasDetail || hasErrors ? null : "a problem body that says neither what nor where";
    }

    private static bool TryParse(string body, out JsonElement root)
    {
        try
        {
            root = JsonDocument.Parse(body).RootElement;
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    /// <summary>A .NET exception or framework type name: "JsonException", "System.Int32", "Microsoft.AspNetCore...".</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b|\b(System|Microsoft)\.[A-Z][A-Za-z]+")]
    private static partial Regex ExceptionType();
}
