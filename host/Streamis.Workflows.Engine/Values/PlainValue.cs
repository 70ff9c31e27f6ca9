using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Engine.Values;

/// <summary>
/// Workflow data is kept as plain values — null, bool, long, double, string, List&lt;object?&gt; and
/// Dictionary&lt;string, object?&gt; — so state serialises to JSON and reads back as the very same values.
/// </summary>
public static class PlainValue
{
    internal static readonly JsonSerializerOptions ObjectJson = new(JsonSerializerDefaults.Web);

    public static object? From(object? value) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        ulong ul when ul <= long.MaxValue => (long)ul,
        float f => (double)f,
        decimal d => (double)d,
        char c => c.ToString(),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        JsonElement e => FromJson(e),
        JsonNode n => FromJson(n),
        IDictionary<string, object?> d => FromDictionary(d),
        IDictionary d => FromDictionary(d),
        IEnumerable e => FromList(e),
        _ => FromJson(JsonSerializer.SerializeToElement(value, value.GetType(), ObjectJson)),
    };

    public static object? FromJson(JsonNode? node) => node is null ? null : FromJson(JsonSerializer.SerializeToElement(node));

    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number:
                // A number written with a fraction or exponent stays a double even when integral, so that
                // a double survives a round trip (see PlainValueJsonConverter).
                var raw = element.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && element.TryGetInt64(out var l)) return l;
                return element.GetDouble();
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(FromJson(item));
                return list;
            case JsonValueKind.Object:
                var dict = new Dictionary<string, object?>();
                foreach (var p in element.EnumerateObject()) dict[p.Name] = FromJson(p.Value);
                return dict;
            default: return null;
        }
    }

    public static JsonNode? ToJson(object? plain) =>
        plain is null ? null : JsonSerializer.SerializeToNode(From(plain), PlainValueJsonConverter.Options);

    /// <summary>Structural equality of two values after normalisation (1 equals 1.0; lists and objects by content).</summary>
    public static bool DeepEquals(object? a, object? b) => (From(a), From(b)) switch
    {
        (null, null) => true,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second)),
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && DeepEquals(kv.Value, v)),
        var (x, y) => Equals(x, y),
    };

    /// <summary>A short rendering of a value for error messages.</summary>
    public static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => JsonSerializer.Serialize(s),
            _ => JsonSerializer.Serialize(From(value), PlainValueJsonConverter.Options),
        };
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private static Dictionary<string, object?> FromDictionary(IDictionary<string, object?> source)
    {
        var result = new Dictionary<string, object?>(source.Count);
        foreach (var (k, v) in source) result[k] = From(v);
        return result;
    }

    private static Dictionary<string, object?> FromDictionary(IDictionary source)
    {
        var result = new Dictionary<string, object?>(source.Count);
        foreach (DictionaryEntry e in source) result[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? ""] = From(e.Value);
        return result;
    }

    private static List<object?> FromList(IEnumerable source)
    {
        var result = new List<object?>();
        foreach (var item in source) result.Add(From(item));
        return result;
    }
}
