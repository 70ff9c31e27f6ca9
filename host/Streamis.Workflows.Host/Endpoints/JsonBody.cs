using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Host.Errors;
using Streamis.Workflows.Sdk.Json;

namespace Streamis.Workflows.Host.Endpoints;

/// <summary>
/// Reads a JSON request body field by field, collecting every problem with its path, so a caller learns all
/// that is wrong at once and never gets a type-conversion message from the framework.
/// </summary>
public sealed class JsonBody
{
    private const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// How deep an input or payload may nest. It is stored inside the instance state a few levels down, and the
    /// state (like every JSON the engine writes) may nest 64 deep; a deeper value would make the instance impossible
    /// to commit, so it is refused here.
    /// </summary>
    private const int MaxValueDepth = 32;

    private readonly JsonObject body;
    private readonly List<ValidationProblem> problems = [];

    private JsonBody(JsonObject body) => this.body = body;

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct) =>
        await ReadOptionalAsync(request, ct) ?? throw Invalid("$", "the body is empty: send a JSON object");

    /// <summary>The body, or null when there is none — however it was framed (Content-Length, chunked, neither).</summary>
    public static async Task<JsonBody?> ReadOptionalAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw Invalid("$", $"the body is larger than {MaxBytes / 1024 / 1024} MiB");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw Invalid("$", $"the body is larger than {MaxBytes / 1024 / 1024} MiB");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return null;
        JsonNode? node;
        try
        {
            // Duplicate names and half surrogate pairs are refused while parsing: reading them later would throw, as a 500.
            node = StrictJson.Parse(buffer.ToArray());
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
        if (body[name] is not JsonObject o)
        {
            problems.Add(new($"$.{name}", "must be a JSON object"));
            return null;
        }
        return IsTooDeep(name, o) ? null : (Dictionary<string, object?>)PlainValue.FromJson(o)!;
    }

    /// <summary>An array of strings, or null when the field is absent.</summary>
    public IReadOnlyList<string>? StringList(string name, int maxItems = 10_000, int maxLength = 256)
    {
        if (body[name] is null) return null;
        if (body[name] is not JsonArray array)
        {
            problems.Add(new($"$.{name}", "must be an array of strings"));
            return null;
        }
        // Too many entries is the problem; each of 200,000 entries checked as well would only bury it.
        if (array.Count > maxItems)
        {
            problems.Add(new($"$.{name}", $"must hold at most {maxItems} entries, not {array.Count}"));
            return null;
        }
        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 && s.Length <= maxLength) result.Add(s);
            else problems.Add(new($"$.{name}[{i}]", $"must be a non-empty string of at most {maxLength} characters"));
        }
        return result;
    }

    public object? Any(string name) => IsTooDeep(name, body[name]) ? null : PlainValue.FromJson(body[name]);

    private bool IsTooDeep(string name, JsonNode? value)
    {
        if (DepthOf(value) <= MaxValueDepth) return false;
        problems.Add(new($"$.{name}", $"nests deeper than {MaxValueDepth} levels"));
        return true;
    }

    private static int DepthOf(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => DepthOf(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(DepthOf).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    /// <summary>Throws with every problem found so far, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (problems.Count > 0) throw new InvalidRequestException(problems);
    }

    private static InvalidRequestException Invalid(string path, string message) => new([new ValidationProblem(path, message)]);
}
