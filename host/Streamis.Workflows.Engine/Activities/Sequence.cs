using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Runs its activities one after another.</summary>
[Activity("Control flow", "Sequence", Description = "Runs its activities one after another.", Icon = "list-ordered")]
public sealed class Sequence : Activity
{
    [Slot(Description = "The activities, in order")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(Next(context, 0));

    // Where it stands is read off the child that ended (ids are unique in a definition), so a step stores nothing.
    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(Next(context, IndexOf(child.ActivityId) + 1));

    private ActivityResult Next(ActivityContext context, int position)
    {
        if (position >= Activities.Count) return Done();
        context.ScheduleChild(Activities[position]);
        return Wait();
    }

    // Built on first use and shared by every run of the compiled definition; two runs building it at once build the same.
    private Dictionary<string, int>? positions;

    private const int ShortSequence = 16;

    private int IndexOf(string activityId)
    {
        // A child's id is the very string of the definition while the run that scheduled it lasts: a short sequence finds
        // it by reference sooner than by hashing it. Read back from a stored state, it is another string; the map finds it.
        var activities = Activities;
        if (activities.Count <= ShortSequence)
            for (var i = 0; i < activities.Count; i++)
                if (ReferenceEquals(activities[i].Id, activityId)) return i;
        var map = positions ??= Activities.Select((activity, i) => (activity.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return map.TryGetValue(activityId, out var position)
            ? position
            : throw new InvalidOperationException($"\"{activityId}\" is not an activity of sequence \"{Id}\"");
    }
}
