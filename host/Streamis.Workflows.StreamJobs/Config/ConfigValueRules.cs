using System.Globalization;
using System.Text.RegularExpressions;
using Streamis.Workflows.StreamJobs.Entities;

namespace Streamis.Workflows.StreamJobs.Config;

/// <summary>Checks one value against its definition: length, options, number, regex, number range.</summary>
internal static class ConfigValueRules
{
    public const string Regex = "Regex";
    public const string NumberRange = "NumberRange";

    public static IEnumerable<string> Problems(ConfigDefinitionEntity definition, string value)
    {
        if (value.Length > ConfigKeys.MaxValueLength) { yield return $"is longer than {ConfigKeys.MaxValueLength} characters"; yield break; }
        switch (definition.Type)
        {
            case "SELECT":
                var options = Options(definition.RefValues);
                if (options.Count > 0 && !options.Contains(value)) yield return $"must be one of {string.Join(", ", options)}";
                break;
            case "NUMBER":
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) yield return "must be a number";
                break;
        }
        if (definition.ValidateType is null || string.IsNullOrEmpty(definition.ValidateRule)) yield break;
        if (string.Equals(definition.ValidateType, Regex, StringComparison.OrdinalIgnoreCase))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(value, definition.ValidateRule, RegexOptions.None, TimeSpan.FromSeconds(1)))
                yield return $"does not match {definition.ValidateRule}";
        }
        else if (string.Equals(definition.ValidateType, NumberRange, StringComparison.OrdinalIgnoreCase) && ParseRange(definition.ValidateRule) is var (min, max))
        {
            if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) yield return "must be a number";
            else if ((min is { } lo && number < lo) || (max is { } hi && number > hi)) yield return $"must be between {min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}";
        }
    }

    /// <summary>Problems with a definition's own rules (bad regex, bad range, default that breaks them).</summary>
    public static IEnumerable<string> DefinitionProblems(ConfigDefinitionEntity definition)
    {
        if (definition.Type is not ("NONE" or "INPUT" or "SELECT" or "NUMBER")) yield return $"type must be NONE, INPUT, SELECT or NUMBER, not {definition.Type}";
        if (definition.Type == "SELECT" && Options(definition.RefValues).Count == 0) yield return "a SELECT needs options (refValues)";
        if (definition.ValidateType is { } kind)
        {
            if (string.Equals(kind, Regex, StringComparison.OrdinalIgnoreCase))
            {
                string? error = null;
                try { _ = new Regex(definition.ValidateRule ?? "", RegexOptions.None, TimeSpan.FromSeconds(1)); }
                catch (ArgumentException e) { error = $"validateRule is not a valid regex: {e.Message}"; }
                if (error is not null) yield return error;
            }
            else if (string.Equals(kind, NumberRange, StringComparison.OrdinalIgnoreCase))
            {
                if (ParseRange(definition.ValidateRule) is null) yield return "validateRule of a NumberRange must be 'min,max' (either may be empty)";
            }
            else yield return $"validateType must be {Regex} or {NumberRange}, not {kind}";
        }
        if (!string.IsNullOrEmpty(definition.DefaultValue) && definition.Type != "NONE")
        {
            var defaultProblems = new List<string>();
            try { defaultProblems.AddRange(Problems(definition, definition.DefaultValue)); }
            catch (ArgumentException) { }
            foreach (var p in defaultProblems) yield return $"defaultValue {p}";
        }
    }

    public static IReadOnlyList<string> Options(string? refValues) =>
        (refValues ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static (decimal? Min, decimal? Max)? ParseRange(string? rule)
    {
        var parts = (rule ?? "").Split(',');
        if (parts.Length != 2) return null;
        decimal? Parse(string s) => decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        var min = Parse(parts[0]);
        var max = Parse(parts[1]);
        if ((parts[0].Trim().Length > 0 && min is null) || (parts[1].Trim().Length > 0 && max is null)) return null;
        return (min, max);
    }
}
