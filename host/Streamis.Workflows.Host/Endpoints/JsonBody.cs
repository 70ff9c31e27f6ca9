using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Host.Errors;

namespace Streamis.Workflows.Host.Endpoints;

/// <summary>
/// Reads a JSON request body field by field, collecting every problem with its path, so a caller learns all
/// that is wrong at once and never gets a type-conversion message from the framework.
/// </summary>
public sealed class JsonBody
{
    private const int MaxBytes = 4 * 1024 * 1024;
    private readonly JsonObject body;
    private readonly List<ValidationProblem> problems = [];

    private JsonBody(JsonObject body) => this.body = body;

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw Invalid("$", $"the body is larger than {MaxBytes / 1024 / 1024} MiB");
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw Invalid("$", $"the body is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
        return node is JsonObject obj ? new JsonBody(obj) : throw Invalid("$", "the body must be a JSON object");
    }

    public string? String(string name, bool required = false, int maxLength = 1024)
    {
        switch (body[name])
        {
            case null:
                if (required) problems.Add(new($"$.{name}", "is required"));
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (required && string.IsNullOrWhiteSpace(s)) problems.Add(new($"$.{name}", "must not be empty"));
                else if (s.Length > maxLength) problems.Add(new($"$.{name}", $"must be at most {maxLength} characters"));
                return s;
            default:
                problems.Add(new($"$.{name}", "must be a string"));
                return null;
        }
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (body[name] is null) return null;
        if (body[name] is JsonValue v && v.TryGetValue<int>(out var n))
        {
            if (n < min || n > max) problems.Add(new($"$.{name}", $"must be between {min} and {max}"));
            return n;
        }
        problems.Add(new($"$.{name}", "must be a whole number"));
        return null;
    }

    public bool? Bool(string name)
    {
        if (body[name] is null) return null;
        if (body[name] is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        problems.Add(new($"$.{name}", "must be true or false"));
        return null;
    }

    /// <summary>An object field as plain values.</summary>
    public Dictionary<string, object?>? Object(string name)
    {
        if (body[name] is null) return null;
        if (body[name] is JsonObject o) return (Dictionary<string, object?>)PlainValue.FromJson(o)!;
        problems.Add(new($"$.{name}", "must be a JSON object"));
        return null;
    }

    public object? Any(string name) => PlainValue.FromJson(body[name]);

    /// <summary>Throws with every problem found so far, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (problems.Count > 0) throw new InvalidRequestException(problems);
    }

    private static InvalidRequestException Invalid(string path, string message) => new([new ValidationProblem(path, message)]);
}
