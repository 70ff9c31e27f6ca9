using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streamis.Workflows.Sdk.Json;

/// <summary>
/// Parses a request body as strictly as the host and its plugins read it afterwards: at most 64 levels deep, no name
/// twice in one object, and no string escaping half of a UTF-16 surrogate pair. System.Text.Json accepts "\ud800" while
/// parsing and throws <see cref="InvalidOperationException"/> only when the string is read, which reached callers as a
/// 500; here it is a <see cref="JsonException"/> like any other malformed body.
/// </summary>
public static class StrictJson
{
    public const int MaxDepth = 64;

    public static JsonNode? Parse(byte[] utf8)
    {
        RefuseHalfSurrogates(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
    }

    /// <summary>Throws a <see cref="JsonException"/> for malformed JSON or a string escaping half a surrogate pair.</summary>
    public static void RefuseHalfSurrogates(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new JsonException($"the string at byte {reader.TokenStartIndex} escapes half of a UTF-16 surrogate pair (such as \\ud800 alone)");
            }
        }
    }
}
