using System.Text.Json.Nodes;

namespace Streamis.Workflows.Simulation;

/// <summary>A call the simulation received: its name (see <see cref="LinkisCalls"/>), the raw request and its JSON body, if any.</summary>
public sealed record RecordedRequest(
    string Call,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    JsonNode? Json,
    DateTimeOffset At)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The operation's parameters (<c>parameters</c> of an operation body).</summary>
    public JsonObject? Parameters => Json?["parameters"] as JsonObject;
}
