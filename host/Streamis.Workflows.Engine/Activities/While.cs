using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Runs its body while the condition holds (checked before each pass), up to a safety limit.</summary>
[Activity("Control flow", "While", Description = "Repeats the body while the condition is true.", Icon = "rotate-cw")]
public sealed class While : Activity
{
    private const string Passes = "passes";

    [Input(Description = "Checked before every pass", Required = true, UIHint = "expression")]
    public Input<bool> Condition { get; set; } = default!;

    [Input(Description = "Fault after this many passes (guards against a condition that never turns false)", Default = 10_000)]
    public Input<int> MaxIterations { get; set; } = default!;

    [Slot(Description = "Runs on each pass")]
    public Activity? Body { get; set; }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(Next(context, 0));

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(Next(context, (long)context.Properties[Passes]!));

    private ActivityResult Next(ActivityContext context, long passes)
    {
        if (!context.Get(Condition)) return Done();
        var limit = context.Get(MaxIterations);
        if (passes >= limit) return Fault($"While \"{Id}\" passed {limit} times and its condition still holds (maxIterations)");
        if (Body is null) return Fault($"While \"{Id}\" has no body, so its condition can never change");
        context.Properties[Passes] = passes + 1;
        context.ScheduleChild(Body);
        return Wait();
    }
}
