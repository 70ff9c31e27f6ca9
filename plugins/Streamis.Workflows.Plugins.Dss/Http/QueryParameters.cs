using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Streamis.Workflows.Plugins.Dss.Http;

/// <summary>Query parameters of GET and DELETE calls (DSS sends those as query strings), with named errors.</summary>
internal static class QueryParameters
{
    public static string? Text(HttpRequest request, string name, bool required = false)
    {
        var text = request.Query[name].ToString().Trim();
        if (text.Length > 0) return text;
        return required ? throw new ContractRequestException($"{name} cannot be empty!") : null;
    }

    public static long RequiredNumber(HttpRequest request, string name)
    {
        var text = Text(request, name, required: true)!;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ContractRequestException($"{name} must be a whole number, not \"{text}\"");
    }

    public static int Number(HttpRequest request, string name, int fallback, int min, int max)
    {
        if (Text(request, name) is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ContractRequestException($"{name} must be a whole number from {min} to {max}, not \"{text}\"");
    }
}
