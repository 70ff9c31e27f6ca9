using Streamis.Workflows.Engine.Compilation;
using Streamis.Workflows.Engine.Definitions;
using Streamis.Workflows.Engine.Validation;
using Streamis.Workflows.Engine.Values;

namespace Streamis.Workflows.Engine.Running;

/// <summary>Checks a start input against the declared inputs: required ones present, types right, defaults filled in.</summary>
public static class WorkflowInputBinder
{
    /// <summary>The checked input, written into <paramref name="into"/> when given (a new instance's own dictionary).</summary>
    public static Dictionary<string, object?> Bind(WorkflowDefinition definition, IReadOnlyDictionary<string, object?>? input,
        Dictionary<string, object?>? into = null)
    {
        List<ValidationProblem>? problems = null;
        var result = into ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        if (input is not null)
            foreach (var (name, value) in input) result[name] = PlainValue.From(value);
        foreach (var declared in definition.Inputs)
        {
            var path = $"$.input.{declared.Name}";
            var given = result.TryGetValue(declared.Name, out var value) && value is not null;
            if (!given)
            {
                if (declared.Default is not null) value = PlainValue.FromJson(declared.Default);
                else if (declared.Required)
                {
                    (problems ??= []).Add(new(path, $"is required{(declared.Description is { } d ? $" ({d})" : "")}"));
                    continue;
                }
                else
                {
                    result[declared.Name] = null;
                    continue;
                }
            }
            if (ValueConverter.TryConvert(value, WorkflowCompiler.ClrTypeOf(declared.Type), out var converted, out var error))
            {
                if (declared.Options is { Count: > 0 } options && converted is string s && !options.Contains(s))
                    (problems ??= []).Add(new(path, $"\"{s}\" is not one of {string.Join(", ", options)}"));
                result[declared.Name] = PlainValue.From(converted);
            }
            else (problems ??= []).Add(new(path, error!));
        }
        return problems is not null ? throw new InvalidWorkflowInputException(problems) : result;
    }
}
