using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Streamis.Workflows.Plugins.Linkis.Gateway;

/// <summary>
/// Reads a plugin's configuration section and collects every bad value, each named by its full key
/// (<c>Plugins:linkis:RequestTimeout</c>), so start-up reports all of them at once.
/// </summary>
internal sealed class SettingsReader(IConfiguration section, string sectionPath)
{
    private readonly List<string> problems = [];

    public bool IsEmpty => !section.GetChildren().Any(child => child.Value is { Length: > 0 } || child.GetChildren().Any());

    public string? Text(string key) => section[key] is { } value && value.Trim() is { Length: > 0 } text ? text : null;

    public string Text(string key, string fallback) => Text(key) ?? fallback;

    public string? Required(string key, string why)
    {
        var value = Text(key);
        if (value is null) Problem(key, $"is required {why}");
        return value;
    }

    public Uri? Url(string key, bool required, string why = "")
    {
        var text = required ? Required(key, why) : Text(key);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Problem(key, $"must be an http:// or https:// address, not '{text}'");
            return null;
        }
        // A base address without a trailing slash would lose its last path segment when API paths are appended.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>A positive duration written as <c>00:00:30</c> or as a number of seconds.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        if (Text(key) is not { } text) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        Problem(key, $"must be a positive duration (00:00:30) or a number of seconds, not '{text}'");
        return fallback;
    }

    public int Number(string key, int fallback, int min, int max)
    {
        if (Text(key) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Problem(key, $"must be a whole number from {min} to {max}, not '{text}'");
        return fallback;
    }

    public IReadOnlyList<string> List(string key)
    {
        var children = section.GetSection(key).GetChildren().Select(child => child.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToList();
        if (children.Count > 0) return children;
        return Text(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }

    public Regex? Pattern(string key, string fallback)
    {
        var text = Text(key, fallback);
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            Problem(key, $"is not a valid regular expression ({e.Message})");
            return null;
        }
    }

    public void Problem(string key, string problem) => problems.Add($"{sectionPath}:{key} {problem}");

    /// <summary>Throws one error listing every problem found, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems) + ".");
    }
}
