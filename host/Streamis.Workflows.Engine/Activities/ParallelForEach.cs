using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>
/// Runs its body for many items at once, at most <see cref="MaxDegreeOfParallelism"/> at a time. Every item gets a
/// result (status, outcome, error, its <c>result</c> local and its activities' outputs); a failing item does not
/// stop the others unless <see cref="StopOnFailure"/> is set. Progress counters are readable while it runs.
/// </summary>
[Activity("Control flow", "Parallel for each", Description = "Runs the body for many items at once, with a parallelism limit; collects a result per item.",
    Outcomes = ["Done", "SomeFailed"], Icon = "layers")]
public sealed class ParallelForEach : Activity
{
    public const string TotalKey = "total";
    public const string SucceededKey = "succeeded";
    public const string FailedKey = "failed";
    private const string ItemsKey = "items";
    private const string NextKey = "next";
    private const string ResultsKey = "results";
    private const string StoppingKey = "stopping";

    [Input(Description = "The items", Required = true)]
    public Input<List<object?>> Items { get; set; } = default!;

    [Input(Description = "How many items run at the same time", Default = 8)]
    public Input<int> MaxDegreeOfParallelism { get; set; } = default!;

    [Input(Description = "Stop the remaining items and fault when one item fails", Default = false)]
    public Input<bool> StopOnFailure { get; set; } = default!;

    [Slot(Description = "Runs for each item (sees item, index; may set the local 'result')")]
    public Activity? Body { get; set; }

    [Output(Description = "One entry per item: index, item, status (Succeeded/Failed), outcome, error, result, outputs")]
    public Output<List<object?>> Results { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var items = context.Get(Items) ?? [];
        var degree = context.Get(MaxDegreeOfParallelism);
        if (degree < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), degree, "maxDegreeOfParallelism must be at least 1");
        context.Properties[ItemsKey] = items;
        context.Properties[ResultsKey] = items.Select(_ => (object?)null).ToList();
        context.Properties[TotalKey] = (long)items.Count;
        context.Properties[SucceededKey] = 0L;
        context.Properties[FailedKey] = 0L;
        context.Properties[NextKey] = 0L;
        if (Body is null || items.Count == 0) return new(Finish(context));
        for (var i = 0; i < Math.Min(degree, items.Count); i++) StartNext(context);
        return new(Wait());
    }

    protected override ValueTask<ActivityResult> OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        var index = (int)(long)child.Tag!;
        Record(context, index, new Dictionary<string, object?>
        {
            ["status"] = "Succeeded",
            ["outcome"] = child.Outcome,
            ["result"] = child.Locals?.GetValueOrDefault("result"),
            ["outputs"] = child.Locals?.GetValueOrDefault("outputs"),
        }, SucceededKey);
        return new(Continue(context));
    }

    protected override ValueTask<ActivityResult> OnChildFaultedAsync(ActivityContext context, ChildFault child)
    {
        var index = (int)(long)child.Tag!;
        Record(context, index, new Dictionary<string, object?>
        {
            ["status"] = "Failed",
            ["error"] = child.Error.Message,
            ["errorType"] = child.Error.Type,
            ["activityId"] = child.Error.ActivityId,
        }, FailedKey);
        if (!context.Get(StopOnFailure)) return new(Continue(context));
        context.Properties[StoppingKey] = true;
        context.CancelChildren();
        context.Set(Results, (List<object?>)context.Properties[ResultsKey]!);
        return new(ActivityResult.Fault(child.Error));
    }

    private static void Record(ActivityContext context, int index, Dictionary<string, object?> result, string counter)
    {
        var items = (List<object?>)context.Properties[ItemsKey]!;
        result["index"] = (long)index;
        result["item"] = items[index];
        ((List<object?>)context.Properties[ResultsKey]!)[index] = result;
        context.Properties[counter] = (long)context.Properties[counter]! + 1;
    }

    private ActivityResult Continue(ActivityContext context)
    {
        var items = (List<object?>)context.Properties[ItemsKey]!;
        if ((long)context.Properties[NextKey]! < items.Count) StartNext(context);
        return context.ActiveChildCount == 0 ? Finish(context) : Wait();
    }

    private void StartNext(ActivityContext context)
    {
        var items = (List<object?>)context.Properties[ItemsKey]!;
        var index = (int)(long)context.Properties[NextKey]!;
        context.Properties[NextKey] = (long)index + 1;
        context.ScheduleChild(Body!, (long)index, new Dictionary<string, object?> { ["item"] = items[index], ["index"] = (long)index, ["result"] = null });
    }

    private ActivityResult Finish(ActivityContext context)
    {
        context.Set(Results, (List<object?>)context.Properties[ResultsKey]!);
        return (long)context.Properties[FailedKey]! > 0 ? Outcome("SomeFailed") : Done();
    }
}
