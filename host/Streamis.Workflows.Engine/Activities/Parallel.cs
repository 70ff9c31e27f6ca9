using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Runs all its activities at once and completes when every one has.</summary>
[Activity("Control flow", "Parallel", Description = "Runs its activities at the same time; done when all are done.", Icon = "columns")]
public sealed class Parallel : Activity
{
    [Slot(Description = "The activities to run together")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Activities.Count == 0) return new(Done());
        foreach (var activity in Activities) context.ScheduleChild(activity);
        return new(Wait());
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(context.ActiveChildCount == 0 ? Done() : Wait());
}
