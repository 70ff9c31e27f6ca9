using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Streamis.Workflows.Engine.Values;

/// <summary>Converts plain values (and what Scriban returns) to the CLR type an input declares.</summary>
public static class ValueConverter
{
    public static bool TryConvert(object? value, Type target, out object? result, out string? error)
    {
        error = null;
        result = null;
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            if (!target.IsValueType || underlying is not null) return true;
            error = $"expected {Sdk.Descriptors.ValueTypeNames.Of(target)}, got null";
            return false;
        }
        target = underlying ?? target;
        try
        {
            result = Convert(value, target);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or JsonException or ArgumentException or NotSupportedException)
        {
            // An enum is a string to the designer, so "expected string" would not say what is wrong with a string.
            var expected = target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target))}" : Sdk.Descriptors.ValueTypeNames.Of(target);
            error = $"expected {expected}, got {PlainValue.Describe(value)}";
            return false;
        }
    }

    public static object? ConvertOrThrow(object? value, Type target, string what) =>
        TryConvert(value, target, out var result, out var error)
            ? result
            : throw new FormatException($"{what}: {error}");

    private static object? Convert(object value, Type target)
    {
        if (target == typeof(object)) return PlainValue.From(value);
        if (target.IsInstanceOfType(value) && value is not IEnumerable || target == typeof(string) && value is string) return value;
        var inv = CultureInfo.InvariantCulture;
        if (target == typeof(string))
            return value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, inv),
                IEnumerable => JsonSerializer.Serialize(PlainValue.From(value), PlainValueJsonConverter.Options),
                _ => value.ToString(),
            };
        if (target == typeof(bool))
            return value is string s ? bool.Parse(s.Trim()) : (bool)value;
        if (target == typeof(long) || target == typeof(int) || target == typeof(short) || target == typeof(byte))
            return System.Convert.ChangeType(ToInteger(value), target, inv);
        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
            return System.Convert.ChangeType(value is string s ? double.Parse(s, NumberStyles.Float, inv) : System.Convert.ToDouble(value, inv), target, inv);
        if (target == typeof(TimeSpan)) return ToTimeSpan(value);
        if (target == typeof(DateTimeOffset))
            return value is string s ? DateTimeOffset.Parse(s, inv, DateTimeStyles.AssumeUniversal) : throw new FormatException();
        if (target == typeof(DateTime))
            return value is string s ? DateTime.Parse(s, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : throw new FormatException();
        if (target == typeof(Guid)) return Guid.Parse(value.ToString()!);
        if (target.IsEnum)
        {
            if (value is string name && Enum.TryParse(target, name, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!)) return parsed;
            throw new FormatException();
        }
        if (target == typeof(JsonNode) || target == typeof(JsonObject) || target == typeof(JsonArray))
            return PlainValue.ToJson(value);
        if (target == typeof(JsonElement)) return JsonSerializer.SerializeToElement(PlainValue.From(value), PlainValueJsonConverter.Options);
        if (value is string && target != typeof(string) && (typeof(IEnumerable).IsAssignableFrom(target) || !target.IsPrimitive))
        {
            // A complex input given as text (e.g. JSON typed into a text box) is read as JSON.
            var text = (string)value;
            if (text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{'))
                value = PlainValue.FromJson(JsonDocument.Parse(text).RootElement)!;
        }
        var node = JsonSerializer.SerializeToElement(PlainValue.From(value), PlainValueJsonConverter.Options);
        return node.Deserialize(target, PlainValue.ObjectJson) ?? throw new FormatException();
    }

    private static long ToInteger(object value)
    {
        switch (value)
        {
            case long l: return l;
            case int i: return i;
            case string s: return long.Parse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            case double d when Math.Floor(d) == d && d is >= long.MinValue and <= long.MaxValue: return (long)d;
            case bool: throw new InvalidCastException();
            case IConvertible c when value is not double and not float and not decimal: return c.ToInt64(CultureInfo.InvariantCulture);
            default: throw new InvalidCastException();
        }
    }

    /// <summary>Accepts "00:00:30", "30s", "5m", "1h", "250ms", "2d", ISO 8601 "PT30S", or a number of seconds.</summary>
    public static TimeSpan ToTimeSpan(object value)
    {
        switch (value)
        {
            case TimeSpan t: return t;
            case long l: return TimeSpan.FromSeconds(l);
            case int i: return TimeSpan.FromSeconds(i);
            case double d: return TimeSpan.FromSeconds(d);
            case string s:
                s = s.Trim();
                if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var c) && s.Contains(':')) return c;
                if (s.StartsWith('P') || s.StartsWith("-P", StringComparison.Ordinal)) return XmlConvert.ToTimeSpan(s);
                var unitStart = 0;
                while (unitStart < s.Length && (char.IsDigit(s[unitStart]) || s[unitStart] == '.')) unitStart++;
                if (unitStart == 0) throw new FormatException();
                var amount = double.Parse(s[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture);
                return s[unitStart..].Trim() switch
                {
                    "" or "s" => TimeSpan.FromSeconds(amount),
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "m" or "min" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    "d" => TimeSpan.FromDays(amount),
                    _ => throw new FormatException(),
                };
            default: throw new InvalidCastException();
        }
    }
}
