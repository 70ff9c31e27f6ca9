using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Completes with the name of the first matching case as its outcome, or Default.</summary>
[Activity("Control flow", "Switch", Description = "Picks the first matching case; each case is an outcome.",
    Outcomes = ["Default"], DynamicOutcomesInput = "cases", Icon = "signpost")]
public sealed class Switch : Activity
{
    [Input(Description = "Value compared with each case's value")]
    public Input<object?> Value { get; set; } = default!;

    [Input(Description = "Cases in order: {name, condition} or {name, value}", Required = true, UIHint = "cases")]
    public Input<List<SwitchCase>> Cases { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = PlainValue.From(context.Get(Value));
        foreach (var @case in context.Get(Cases))
        {
            var matches = @case.Condition is { } condition
                ? ValueConverter.ConvertOrThrow(context.Evaluate(condition.Contains("{{") ? condition : $"{{{{ {condition} }}}}"), typeof(bool), $"case \"{@case.Name}\"") is true
                : PlainValue.DeepEquals(@case.Value, value);
            if (matches) return new(Outcome(@case.Name));
        }
        return new(Outcome("Default"));
    }
}
