using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Faults on purpose, with a message (caught by a Try/catch around it, or faulting the workflow).</summary>
[Activity("Primitives", "Fail", Description = "Faults with a message.", Outcomes = [], Icon = "x-octagon", Color = "#c0392b")]
public sealed class Fail : Activity
{
    [Input(Description = "Why", Required = true)]
    public Input<string> Message { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Fault(new ActivityError(context.Get(Message), "WorkflowFail")));
}
