using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Streamis.Workflows.Sdk.Json;

namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>
/// A JSON object body (DSS sends plain JSON built from a map), read within a size limit. Getters collect every
/// problem with the field's name; <see cref="ThrowIfInvalid"/> answers them all at once.
/// </summary>
internal sealed class JsonRequest
{
    /// <summary>Room for a member list of 20,000 long user names.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private readonly List<string> problems = [];

    private JsonRequest(JsonObject body) => Body = body;

    public JsonObject Body { get; }

    public static async Task<JsonRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new ContractRequestException("the body is empty: send a JSON object");
        try
        {
            return StrictJson.Parse(buffer.ToArray()) is JsonObject body
                ? new JsonRequest(body)
                : throw new ContractRequestException("the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ContractRequestException($"the body is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    public string? Text(string name, bool required = false, int maxLength = 1000)
    {
        switch (Body[name])
        {
            case null:
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                if (text.Length > maxLength)
                {
                    problems.Add($"{name} is longer than {maxLength} characters");
                    return null;
                }
                if (text.Length > 0) return text;
                break;
            default:
                problems.Add($"{name} must be a string");
                return null;
        }
        if (required) problems.Add($"{name} cannot be empty!");
        return null;
    }

    /// <summary>A whole number, given as a JSON number or as digits in a string (DSS sends ids either way).</summary>
    public long? Number(string name, bool required = false)
    {
        var node = Body[name];
        if (node is null)
        {
            if (required) problems.Add($"{name} cannot be empty!");
            return null;
        }
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)) return number;
            if (value.GetValueKind() == JsonValueKind.String
                && long.TryParse(value.GetValue<string>().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        }
        problems.Add($"{name} must be a whole number");
        return null;
    }

    /// <summary>A list of strings; null when the field is absent or null.</summary>
    public IReadOnlyList<string>? TextList(string name)
    {
        switch (Body[name])
        {
            case null:
                return null;
            case JsonArray array:
                var list = new List<string>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String) list.Add(item.GetValue<string>());
                    else problems.Add($"{name}[{i}] must be a string");
                }
                return list;
            default:
                problems.Add($"{name} must be a list of strings");
                return null;
        }
    }

    /// <summary>
    /// A JSON object, or a string holding one: DSS keeps a node's jobContent and a dialog's text fields as strings.
    /// </summary>
    public JsonObject? Map(string name, bool required = false)
    {
        var node = Body[name];
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text.Trim().Length == 0) node = null;
            else
            {
                try
                {
                    node = JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    problems.Add($"{name} is not a JSON object: {e.Message.Split(" Path:")[0]}");
                    return null;
                }
            }
        }
        switch (node)
        {
            case null:
                if (required) problems.Add($"{name} cannot be empty!");
                return null;
            case JsonObject map:
                return (JsonObject)map.DeepClone();
            default:
                problems.Add($"{name} must be a JSON object");
                return null;
        }
    }

    /// <summary>Labels as DSS sends them (<c>{"route": "dev"}</c>): an object of strings, or a bare route string.</summary>
    public IReadOnlyDictionary<string, string>? Labels(string name)
    {
        if (Body[name] is JsonValue route && route.GetValueKind() == JsonValueKind.String)
            return new Dictionary<string, string> { ["route"] = route.GetValue<string>() };
        if (Map(name) is not { } map) return null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in map)
        {
            if (node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                labels[key] = v.ToString();
            else problems.Add($"{name}.{key} must be a string");
        }
        return labels;
    }

    public void Problem(string message) => problems.Add(message);

    public void ThrowIfInvalid()
    {
        if (problems.Count > 0) throw new ContractRequestException(string.Join("; ", problems));
    }

    private static ContractRequestException TooLarge() => new($"the body is larger than {MaxBytes / 1024 / 1024} MiB");
}
