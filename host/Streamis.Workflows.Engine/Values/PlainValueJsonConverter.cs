using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streamis.Workflows.Engine.Values;

/// <summary>
/// Reads any JSON into plain values (instead of JsonElement) and writes doubles with a fraction part,
/// so that <c>1.0</c> does not come back as the integer <c>1</c>.
/// </summary>
public sealed class PlainValueJsonConverter : JsonConverter<object?>
{
    public static readonly JsonSerializerOptions Options = Create();

    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return PlainValue.FromJson(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: WriteDouble(writer, d); break;
            case Dictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (k, v) in dict)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v, options);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item, options);
                writer.WriteEndArray();
                break;
            default: Write(writer, PlainValue.From(value), options); break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            // JSON has no such numbers; keep the information as text rather than failing the commit.
            writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
            return;
        }
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.IndexOfAny(['.', 'E', 'e']) < 0 ? text + ".0" : text, skipInputValidation: true);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new PlainValueJsonConverter());
        return options;
    }
}
