using System.Globalization;
using System.Text.Json;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// What a <c>local</c> job does, from its job content: <c>{"rate": 20, "checkpointIntervalSeconds": 2,
/// "retainedCheckpoints": 3, "maxEvents": 1000, "resources": ["lookup.csv"]}</c>, every field optional. Empty content
/// takes the defaults. <see cref="Resources"/> names files of the launch (the version's, or the project's) that the
/// runner is given, as Flink ships a job's resources to its containers.
/// </summary>
public sealed record LocalJobContent(double Rate = 10, double CheckpointIntervalSeconds = 5, int RetainedCheckpoints = 3, long? MaxEvents = null)
{
    public IReadOnlyList<string> Resources { get; init; } = [];

    public const double MinRate = 0.01;
    public const double MaxRate = 100_000;

    private static readonly string[] Fields = ["rate", "checkpointIntervalSeconds", "retainedCheckpoints", "maxEvents", "resources"];

    /// <summary>Reads and checks the content; a problem is an <see cref="ArgumentException"/> naming the field.</summary>
    public static LocalJobContent Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new LocalJobContent();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid($"is not valid JSON ({e.Message}); expected an object such as {{\"rate\": 20, \"checkpointIntervalSeconds\": 2}}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid($"must be a JSON object such as {{\"rate\": 20, \"checkpointIntervalSeconds\": 2}}, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            var content = new LocalJobContent();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = Fields.FirstOrDefault(name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw Invalid($"has an unknown field '{property.Name}'; the fields are {string.Join(", ", Fields)}");
                var value = property.Value;
                content = field switch
                {
                    "rate" => content with { Rate = Number(value, field, MinRate, MaxRate, "events per second, from 0.01 to 100000") },
                    "checkpointIntervalSeconds" => content with { CheckpointIntervalSeconds = Number(value, field, 0.1, 86_400, "seconds, from 0.1 to 86400") },
                    "retainedCheckpoints" => content with { RetainedCheckpoints = (int)Whole(value, field, 1, 100, "a whole number from 1 to 100") },
                    "resources" => content with { Resources = FileNames(value, field) },
                    _ => content with { MaxEvents = value.ValueKind == JsonValueKind.Null ? null : Whole(value, field, 1, long.MaxValue, "a whole number of events, at least 1, or null for an endless stream") },
                };
            }
            return content;
        }
    }

    private static List<string> FileNames(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())))
            throw Invalid($"field '{field}' must be a list of file names; got {value.GetRawText()}");
        return value.EnumerateArray().Select(item => item.GetString()!.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    private static double Number(JsonElement value, string field, double minimum, double maximum, string expected)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= minimum && number <= maximum)
            return number;
        throw Invalid($"field '{field}' must be a number of {expected}; got {value.GetRawText()}");
    }

    private static long Whole(JsonElement value, string field, long minimum, long maximum, string expected)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= minimum && number <= maximum)
            return number;
        throw Invalid($"field '{field}' must be {expected}; got {value.GetRawText()}");
    }

    private static ArgumentException Invalid(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The local job's content {problem}."));
}
