using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Runs its body once per item, one after another; the body sees <c>item</c> and <c>index</c>.</summary>
[Activity("Control flow", "For each", Description = "Runs the body for each item in turn (item, index).", Icon = "repeat")]
public sealed class ForEach : Activity
{
    private const string ItemsKey = "items";
    private const string Position = "position";

    [Input(Description = "The items", Required = true)]
    public Input<List<object?>> Items { get; set; } = default!;

    [Slot(Description = "Runs for each item")]
    public Activity? Body { get; set; }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var items = context.Get(Items) ?? [];
        context.Properties[ItemsKey] = items;
        return new(Next(context, items, 0));
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        new(Next(context, (List<object?>)context.Properties[ItemsKey]!, (int)(long)context.Properties[Position]! + 1));

    private ActivityResult Next(ActivityContext context, List<object?> items, int position)
    {
        if (Body is null || position >= items.Count) return Done();
        context.Properties[Position] = (long)position;
        context.ScheduleChild(Body, position, new Dictionary<string, object?> { ["item"] = items[position], ["index"] = (long)position });
        return Wait();
    }
}
