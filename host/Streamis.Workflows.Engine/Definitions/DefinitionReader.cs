using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Registry;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Json;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>
/// Reads definition JSON leniently: it collects every shape problem with its path instead of stopping at the
/// first, and keeps what it does not understand so that saving the definition again loses nothing.
/// </summary>
public sealed class DefinitionReader(ActivityRegistry registry)
{
    internal const int MaxDepth = 64;

    private static readonly HashSet<string> DefinitionKeys =
        ["id", "version", "name", "description", "inputs", "variables", "outputs", "options", "root", "metadata"];

    internal static readonly HashSet<string> NodeKeys =
        ["id", "type", "displayName", "description", "inputs", "outputs", "retry", "join", "connections", "metadata"];

    public (WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems) Read(string json)
    {
        JsonNode? node;
        try
        {
            // A name or text escaping half a surrogate pair parses, then throws when read: refused here with the rest.
            StrictJson.RefuseHalfSurrogates(Encoding.UTF8.GetBytes(json),
                new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, [new ValidationProblem("$", $"not valid JSON{where}: {FirstSentence(e.Message)}")]);
        }
        return Read(node);
    }

    public (WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems) Read(JsonNode? node)
    {
        var problems = new List<ValidationProblem>();
        if (node is not JsonObject obj)
            return (null, [new ValidationProblem("$", "a workflow definition must be a JSON object")]);

        var definition = new WorkflowDefinition
        {
            // "id" may be missing when the legacy "definitionId" gives it (read below).
            Id = String(obj, "id", "$", problems, required: obj["definitionId"] is null) ?? "",
            Name = String(obj, "name", "$", problems) ?? "",
            Description = String(obj, "description", "$", problems),
            Metadata = Object(obj, "metadata", "$", problems),
        };
        if (obj["id"] is null && obj["definitionId"] is JsonValue legacyId && legacyId.TryGetValue<string>(out var idText))
            definition.Id = idText;
        if (obj["version"] is { } version)
        {
            if (version is JsonValue v && v.TryGetValue<int>(out var n)) definition.Version = n;
            else problems.Add(new("$.version", "must be a whole number"));
        }
        definition.Inputs = List(obj, "inputs", "$", problems, ReadInput);
        definition.Variables = List(obj, "variables", "$", problems, ReadVariable);
        definition.Outputs = List(obj, "outputs", "$", problems, ReadOutput);
        if (Object(obj, "options", "$", problems) is { } options)
        {
            definition.Options.CommitEachActivity = Bool(options, "commitEachActivity", "$.options", problems) ?? false;
            definition.Options.MaxConcurrency = Int(options, "maxConcurrency", "$.options", problems);
        }
        if (obj["root"] is null) problems.Add(new("$.root", "is required: the activity the workflow runs (usually a Flowchart)"));
        else definition.Root = ReadNode(obj["root"], "$.root", problems);
        foreach (var (key, value) in obj)
            if (!DefinitionKeys.Contains(key)) definition.Extra[key] = value?.DeepClone();
        return (definition, problems);
    }

    private ActivityNode? ReadNode(JsonNode? json, string path, List<ValidationProblem> problems)
    {
        if (json is not JsonObject obj)
        {
            problems.Add(new(path, "an activity must be a JSON object with at least \"id\" and \"type\""));
            return null;
        }
        var node = new ActivityNode
        {
            Path = path,
            Id = String(obj, "id", path, problems, required: true) ?? "",
            Type = String(obj, "type", path, problems, required: true) ?? "",
            DisplayName = String(obj, "displayName", path, problems),
            Description = String(obj, "description", path, problems),
            Metadata = Object(obj, "metadata", path, problems),
        };
        if (Object(obj, "inputs", path, problems) is { } inputs)
            foreach (var (name, value) in inputs)
                node.Inputs[name] = ReadInputValue(value, $"{path}.inputs.{name}", problems);
        if (Object(obj, "outputs", path, problems) is { } outputs)
            foreach (var (name, value) in outputs)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var variable) && variable.Length > 0) node.Outputs[name] = variable;
                else problems.Add(new($"{path}.outputs.{name}", "must be the name of the variable that receives this output"));
            }
        if (Object(obj, "retry", path, problems) is { } retry) node.Retry = ReadRetry(retry, $"{path}.retry", problems);
        if (String(obj, "join", path, problems) is { } join)
        {
            if (EnumName<JoinMode>(join) is { } mode) node.Join = mode;
            else problems.Add(new($"{path}.join", $"must be \"any\" or \"all\", not \"{join}\""));
        }
        if (obj["connections"] is { } connections)
        {
            node.Connections = [];
            if (connections is not JsonArray array) problems.Add(new($"{path}.connections", "must be an array of {from, outcome, to}"));
            else
                for (var i = 0; i < array.Count; i++)
                    if (ReadConnection(array[i], $"{path}.connections[{i}]", problems) is { } c) node.Connections.Add(c);
        }

        registry.TryGet(node.Type, out var type);
        foreach (var (key, value) in obj)
        {
            if (NodeKeys.Contains(key)) continue;
            var slot = type?.Slots.FirstOrDefault(s => s.Name == key);
            if (slot is null)
            {
                node.Extra[key] = value?.DeepClone();
                continue;
            }
            var children = new List<ActivityNode>();
            if (!slot.Descriptor.Multiple)
            {
                if (value is not null && ReadNode(value, $"{path}.{key}", problems) is { } child) children.Add(child);
            }
            else if (value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                    if (ReadNode(list[i], $"{path}.{key}[{i}]", problems) is { } child) children.Add(child);
            }
            else if (value is not null) problems.Add(new($"{path}.{key}", "must be an array of activities"));
            node.Slots[key] = new SlotValue(slot.Descriptor.Multiple, children);
        }
        return node;
    }

    private static InputValue ReadInputValue(JsonNode? value, string path, List<ValidationProblem> problems)
    {
        if (value is JsonObject obj && obj.Count == 1)
        {
            var (key, inner) = obj.First();
            switch (key)
            {
                case "literal": return InputValue.FromLiteral(inner?.DeepClone());
                case "expression" or "variable":
                    if (inner is JsonValue v && v.TryGetValue<string>(out var text))
                        return key == "expression" ? InputValue.FromExpression(text) : InputValue.FromVariable(text);
                    problems.Add(new($"{path}.{key}", $"the {key} must be a string"));
                    return InputValue.FromLiteral(null);
            }
        }
        return InputValue.FromLiteral(value?.DeepClone());
    }

    private static Connection? ReadConnection(JsonNode? json, string path, List<ValidationProblem> problems)
    {
        if (json is not JsonObject obj)
        {
            problems.Add(new(path, "a connection must be an object {from, outcome, to}"));
            return null;
        }
        return new Connection
        {
            From = String(obj, "from", path, problems, required: true) ?? "",
            Outcome = String(obj, "outcome", path, problems) ?? ActivityResult.DoneOutcome,
            To = String(obj, "to", path, problems, required: true) ?? "",
            Metadata = Object(obj, "metadata", path, problems),
        };
    }

    private static RetryPolicy ReadRetry(JsonObject obj, string path, List<ValidationProblem> problems)
    {
        var policy = new RetryPolicy();
        if (Int(obj, "maxAttempts", path, problems) is { } attempts)
        {
            if (attempts is < 1 or > 100) problems.Add(new($"{path}.maxAttempts", "must be between 1 and 100"));
            else policy.MaxAttempts = attempts;
        }
        policy.InitialDelay = Duration(obj, "initialDelay", path, problems) ?? policy.InitialDelay;
        policy.MaxDelay = Duration(obj, "maxDelay", path, problems) ?? policy.MaxDelay;
        if (Number(obj, "backoffFactor", path, problems) is { } factor)
        {
            if (factor is < 1 or > 10) problems.Add(new($"{path}.backoffFactor", "must be between 1 and 10"));
            else policy.BackoffFactor = factor;
        }
        if (Number(obj, "jitter", path, problems) is { } jitter)
        {
            if (jitter is < 0 or > 1) problems.Add(new($"{path}.jitter", "must be between 0 and 1"));
            else policy.Jitter = jitter;
        }
        if (String(obj, "retryOn", path, problems) is { } on)
        {
            if (EnumName<RetryOn>(on) is { } retryOn) policy.RetryOn = retryOn;
            else problems.Add(new($"{path}.retryOn", $"must be \"transient\" or \"all\", not \"{on}\""));
        }
        return policy;
    }

    private static WorkflowInputDefinition? ReadInput(JsonObject obj, string path, List<ValidationProblem> problems)
    {
        var input = new WorkflowInputDefinition
        {
            Name = String(obj, "name", path, problems, required: true) ?? "",
            Type = String(obj, "type", path, problems) ?? "any",
            Required = Bool(obj, "required", path, problems) ?? false,
            Default = obj["default"]?.DeepClone(),
            Description = String(obj, "description", path, problems),
            DisplayName = String(obj, "displayName", path, problems),
            UIHint = String(obj, "uiHint", path, problems),
            Options = obj["options"] is JsonArray options ? options.Select(o => o?.ToString() ?? "").ToList() : null,
        };
        if (obj["options"] is not null and not JsonArray) problems.Add(new($"{path}.options", "must be an array of the allowed values"));
        return input;
    }

    private static VariableDefinition? ReadVariable(JsonObject obj, string path, List<ValidationProblem> problems) => new()
    {
        Name = String(obj, "name", path, problems, required: true) ?? "",
        Type = String(obj, "type", path, problems) ?? "any",
        Default = obj["default"]?.DeepClone(),
        Description = String(obj, "description", path, problems),
    };

    private static WorkflowOutputDefinition? ReadOutput(JsonObject obj, string path, List<ValidationProblem> problems) => new()
    {
        Name = String(obj, "name", path, problems, required: true) ?? "",
        Type = String(obj, "type", path, problems) ?? "any",
        Value = String(obj, "value", path, problems),
        Description = String(obj, "description", path, problems),
    };

    private static List<T> List<T>(JsonObject obj, string key, string path, List<ValidationProblem> problems,
        Func<JsonObject, string, List<ValidationProblem>, T?> read) where T : class
    {
        var result = new List<T>();
        if (obj[key] is null) return result;
        if (obj[key] is not JsonArray array)
        {
            problems.Add(new($"{path}.{key}", "must be an array"));
            return result;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.{key}[{i}]";
            if (array[i] is JsonObject item) { if (read(item, itemPath, problems) is { } value) result.Add(value); }
            else problems.Add(new(itemPath, "must be an object"));
        }
        return result;
    }

    private static string? String(JsonObject obj, string key, string path, List<ValidationProblem> problems, bool required = false)
    {
        var value = obj[key];
        if (value is null)
        {
            if (required) problems.Add(new($"{path}.{key}", "is required"));
            return null;
        }
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (required && string.IsNullOrWhiteSpace(s)) problems.Add(new($"{path}.{key}", "must not be empty"));
            return s;
        }
        problems.Add(new($"{path}.{key}", "must be a string"));
        return null;
    }

    private static bool? Bool(JsonObject obj, string key, string path, List<ValidationProblem> problems)
    {
        if (obj[key] is null) return null;
        if (obj[key] is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        problems.Add(new($"{path}.{key}", "must be true or false"));
        return null;
    }

    private static int? Int(JsonObject obj, string key, string path, List<ValidationProblem> problems)
    {
        if (obj[key] is null) return null;
        if (obj[key] is JsonValue v && v.TryGetValue<int>(out var n)) return n;
        problems.Add(new($"{path}.{key}", "must be a whole number"));
        return null;
    }

    private static double? Number(JsonObject obj, string key, string path, List<ValidationProblem> problems)
    {
        if (obj[key] is null) return null;
        if (obj[key] is JsonValue v && v.TryGetValue<double>(out var n)) return n;
        problems.Add(new($"{path}.{key}", "must be a number"));
        return null;
    }

    private static TimeSpan? Duration(JsonObject obj, string key, string path, List<ValidationProblem> problems)
    {
        if (obj[key] is not JsonValue v) return null;
        object? raw = v.TryGetValue<string>(out var s) ? s : v.TryGetValue<double>(out var d) ? d : null;
        try
        {
            var span = raw is null ? throw new FormatException() : Values.ValueConverter.ToTimeSpan(raw);
            if (span < TimeSpan.Zero) throw new FormatException();
            return span;
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            problems.Add(new($"{path}.{key}", "must be a duration such as \"30s\", \"5m\" or \"00:01:00\""));
            return null;
        }
    }

    private static JsonObject? Object(JsonObject obj, string key, string path, List<ValidationProblem> problems)
    {
        if (obj[key] is null) return null;
        if (obj[key] is JsonObject o) return (JsonObject)o.DeepClone();
        problems.Add(new($"{path}.{key}", "must be an object"));
        return null;
    }

    /// <summary>The member named <paramref name="text"/> (any case); unlike Enum.TryParse, numbers and lists are no names.</summary>
    private static T? EnumName<T>(string text) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
