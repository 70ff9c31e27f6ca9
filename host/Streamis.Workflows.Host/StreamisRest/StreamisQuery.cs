using System.Globalization;

namespace Streamis.Workflows.Host.StreamisRest;

/// <summary>Query parameters read by hand, so a wrong type is a Streamis-style message and not a binding failure.</summary>
public static class StreamisQuery
{
    public static string? Text(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static string RequiredText(HttpRequest request, string name) =>
        Text(request, name) ?? throw new StreamisRequestException($"{name} cannot be empty!");

    public static long RequiredLong(HttpRequest request, string name) =>
        Long(name, RequiredText(request, name));

    public static long Long(string name, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new StreamisRequestException($"{name} must be a positive whole number, not \"{Shorten(value)}\"");

    public static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = Text(request, name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new StreamisRequestException($"{name} must be a whole number, not \"{Shorten(text)}\"");
        if (n < min || n > max) throw new StreamisRequestException($"{name} must be between {min} and {max}");
        return n;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
