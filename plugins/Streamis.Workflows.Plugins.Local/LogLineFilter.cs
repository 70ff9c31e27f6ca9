using System.Text.RegularExpressions;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Streamis' keyword filters (comma-separated, plain substrings): a line is kept when it has none of the ignored
/// words and, if any are given, one of the wanted ones. A line without a leading timestamp continues the record
/// above it (a stack trace) and shares its fate, as Linkis' log reader does.
/// </summary>
internal sealed partial class LogLineFilter(string? ignoreKeywords, string? onlyKeywords)
{
    private readonly string[] ignore = Split(ignoreKeywords);
    private readonly string[] only = Split(onlyKeywords);
    private bool? recordKept;

    public bool Keeps(string line)
    {
        if (recordKept is { } kept && !RecordStart().IsMatch(line)) return kept;
        var keep = !ignore.Any(word => line.Contains(word, StringComparison.Ordinal))
            && (only.Length == 0 || only.Any(word => line.Contains(word, StringComparison.Ordinal)));
        recordKept = keep;
        return keep;
    }

    private static string[] Split(string? keywords) =>
        keywords?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex RecordStart();
}
