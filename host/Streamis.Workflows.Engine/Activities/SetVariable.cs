using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Sets a workflow variable (or a loop's local such as <c>result</c>).</summary>
[Activity("Primitives", "Set variable", Description = "Sets a variable to a value.", Icon = "variable")]
public sealed class SetVariable : Activity
{
    [Input(Description = "Variable name", Required = true)]
    public Input<string> Name { get; set; } = default!;

    [Input(Description = "The value")]
    public Input<object?> Value { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.Get(Name), context.Get(Value));
        return new(Done());
    }
}
