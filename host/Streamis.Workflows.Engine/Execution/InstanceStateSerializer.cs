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
            var state = JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new InvalidStateException("the state is null");
            CheckComplete(state);
            return state;
        }
        catch (JsonException e)
        {
            throw new InvalidStateException($"the state is not valid JSON for an instance: {e.Message}");
        }
    }

    /// <summary>
    /// Valid JSON may still carry a null where the engine relies on a value (it never writes one there); refuse it
    /// here rather than fail with a NullReferenceException when the instance continues.
    /// </summary>
    private static void CheckComplete(InstanceState state)
    {
        (string Name, object? Value)[] parts =
        [
            ("input", state.Input), ("output", state.Output), ("scopes", state.Scopes), ("frames", state.Frames),
            ("queue", state.Queue), ("bookmarks", state.Bookmarks), ("incidents", state.Incidents),
        ];
        if (parts.FirstOrDefault(p => p.Value is null).Name is { } missing)
            throw new InvalidStateException($"the state has no \"{missing}\"");
        foreach (var (id, scope) in state.Scopes)
            if (scope?.Input is null || scope.Variables is null || scope.Activities is null)
                throw new InvalidStateException($"scope {id} of the state is empty or lacks its input, variables or activities");
        foreach (var (id, frame) in state.Frames)
            if (frame is null) throw new InvalidStateException($"frame {id} of the state is empty");
        if (state.Bookmarks.Contains(null!)) throw new InvalidStateException("the state's bookmarks have an empty item");
        if (state.Incidents.Contains(null!)) throw new InvalidStateException("the state's incidents have an empty item");
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new PlainValueJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
