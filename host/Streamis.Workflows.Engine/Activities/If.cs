using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Branches on a condition: runs Then or Else when they are set, and in any case completes with the outcome
/// True or False, so it works inside a Sequence and as a decision in a Flowchart alike.
/// </summary>
[Activity("Control flow", "If", Description = "Runs Then or Else; completes with outcome True or False.", Outcomes = ["True", "False"], Icon = "split")]
public sealed class If : Activity
{
    private const string Branch = "branch";

    [Input(Description = "The condition", Required = true, UIHint = "expression")]
    public Input<bool> Condition { get; set; } = default!;

    [Slot(Description = "Runs when the condition is true")]
    public Activity? Then { get; set; }

    [Slot(Description = "Runs when the condition is false")]
    public Activity? Else { get; set; }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var condition = context.Get(Condition);
        var outcome = condition ? "True" : "False";
        var branch = condition ? Then : Else;
        if (branch is null) return new(Outcome(outcome));
        context.Properties[Branch] = outcome;
        context.ScheduleChild(branch);
        return new(Wait());
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(Outcome((string)context.Properties[Branch]!));
}
