using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Definitions;

/// <summary>Writes a definition back to JSON in the same shape <see cref="DefinitionReader"/> reads.</summary>
public static class DefinitionWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(WorkflowDefinition definition, bool indented = true) =>
        ToJson(definition).ToJsonString(indented ? Indented : null);

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var obj = new JsonObject { ["id"] = definition.Id, ["version"] = definition.Version, ["name"] = definition.Name };
        if (definition.Description is not null) obj["description"] = definition.Description;
        if (definition.Inputs.Count > 0) obj["inputs"] = new JsonArray(definition.Inputs.Select(Input).ToArray<JsonNode?>());
        if (definition.Variables.Count > 0) obj["variables"] = new JsonArray(definition.Variables.Select(Variable).ToArray<JsonNode?>());
        if (definition.Outputs.Count > 0) obj["outputs"] = new JsonArray(definition.Outputs.Select(Output).ToArray<JsonNode?>());
        if (definition.Options.CommitEachActivity || definition.Options.MaxConcurrency is not null)
        {
            var options = new JsonObject();
            if (definition.Options.CommitEachActivity) options["commitEachActivity"] = true;
            if (definition.Options.MaxConcurrency is { } max) options["maxConcurrency"] = max;
            obj["options"] = options;
        }
        if (definition.Root is not null) obj["root"] = Node(definition.Root);
        if (definition.Metadata is not null) obj["metadata"] = definition.Metadata.DeepClone();
        foreach (var (key, value) in definition.Extra) obj[key] = value?.DeepClone();
        return obj;
    }

    private static JsonObject Node(ActivityNode node)
    {
        var obj = new JsonObject { ["id"] = node.Id, ["type"] = node.Type };
        if (node.DisplayName is not null) obj["displayName"] = node.DisplayName;
        if (node.Description is not null) obj["description"] = node.Description;
        if (node.Inputs.Count > 0)
        {
            var inputs = new JsonObject();
            foreach (var (name, value) in node.Inputs) inputs[name] = InputValue(value);
            obj["inputs"] = inputs;
        }
        if (node.Outputs.Count > 0)
        {
            var outputs = new JsonObject();
            foreach (var (name, variable) in node.Outputs) outputs[name] = variable;
            obj["outputs"] = outputs;
        }
        if (node.Retry is { } retry)
            obj["retry"] = new JsonObject
            {
                ["maxAttempts"] = retry.MaxAttempts,
                ["initialDelay"] = retry.InitialDelay.ToString("c"),
                ["backoffFactor"] = retry.BackoffFactor,
                ["maxDelay"] = retry.MaxDelay.ToString("c"),
                ["jitter"] = retry.Jitter,
                ["retryOn"] = JsonNamingPolicy.CamelCase.ConvertName(retry.RetryOn.ToString()),
            };
        if (node.Join is { } join) obj["join"] = join.ToString().ToLowerInvariant();
        foreach (var (name, slot) in node.Slots)
            obj[name] = slot.Multiple
                ? new JsonArray(slot.Nodes.Select(n => (JsonNode?)Node(n)).ToArray())
                : slot.Nodes.Count > 0 ? Node(slot.Nodes[0]) : null;
        if (node.Connections is not null)
            obj["connections"] = new JsonArray(node.Connections.Select(c =>
            {
                var connection = new JsonObject { ["from"] = c.From, ["outcome"] = c.Outcome, ["to"] = c.To };
                if (c.Metadata is not null) connection["metadata"] = c.Metadata.DeepClone();
                return (JsonNode?)connection;
            }).ToArray());
        if (node.Metadata is not null) obj["metadata"] = node.Metadata.DeepClone();
        foreach (var (key, value) in node.Extra) obj[key] = value?.DeepClone();
        return obj;
    }

    private static JsonNode? InputValue(InputValue value) => value.Kind switch
    {
        InputSourceKind.Expression => new JsonObject { ["expression"] = value.Text },
        InputSourceKind.Variable => new JsonObject { ["variable"] = value.Text },
        // A literal that looks like one of the wrapped forms is wrapped, so it reads back as a literal.
        _ when value.Literal is JsonObject { Count: 1 } o && o.First().Key is "literal" or "expression" or "variable"
            => new JsonObject { ["literal"] = value.Literal.DeepClone() },
        _ => value.Literal?.DeepClone(),
    };

    private static JsonObject Input(WorkflowInputDefinition input)
    {
        var obj = new JsonObject { ["name"] = input.Name, ["type"] = input.Type };
        if (input.Required) obj["required"] = true;
        if (input.Default is not null) obj["default"] = input.Default.DeepClone();
        if (input.Description is not null) obj["description"] = input.Description;
        if (input.DisplayName is not null) obj["displayName"] = input.DisplayName;
        if (input.UIHint is not null) obj["uiHint"] = input.UIHint;
        if (input.Options is not null) obj["options"] = new JsonArray(input.Options.Select(o => (JsonNode?)o).ToArray());
        return obj;
    }

    private static JsonObject Variable(VariableDefinition variable)
    {
        var obj = new JsonObject { ["name"] = variable.Name, ["type"] = variable.Type };
        if (variable.Default is not null) obj["default"] = variable.Default.DeepClone();
        if (variable.Description is not null) obj["description"] = variable.Description;
        return obj;
    }

    private static JsonObject Output(WorkflowOutputDefinition output)
    {
        var obj = new JsonObject { ["name"] = output.Name, ["type"] = output.Type };
        if (output.Value is not null) obj["value"] = output.Value;
        if (output.Description is not null) obj["description"] = output.Description;
        return obj;
    }
}
