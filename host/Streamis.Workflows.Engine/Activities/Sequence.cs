using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Runs its activities one after another.</summary>
[Activity("Control flow", "Sequence", Description = "Runs its activities one after another.", Icon = "list-ordered")]
public sealed class Sequence : Activity
{
    private const string Position = "position";

    [Slot(Description = "The activities, in order")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(Next(context, 0));

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(Next(context, (int)(long)context.Properties[Position]! + 1));

    private ActivityResult Next(ActivityContext context, int position)
    {
        if (position >= Activities.Count) return Done();
        context.Properties[Position] = (long)position;
        context.ScheduleChild(Activities[position]);
        return Wait();
    }
}
