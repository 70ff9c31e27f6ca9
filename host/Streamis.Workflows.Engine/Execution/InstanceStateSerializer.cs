using System.Text.Json;
using System.Text.Json.Serialization;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Execution;

/// <summary>Instance state to and from JSON; values come back as the same plain types they were.</summary>
public static class InstanceStateSerializer
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads a state; throws <see cref="InvalidStateException"/> when the text is not a valid state.</summary>
    public static InstanceState Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new InvalidStateException("the state is null");
        }
        catch (JsonException e)
        {
            throw new InvalidStateException($"the state is not valid JSON for an instance: {e.Message}");
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new PlainValueJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
