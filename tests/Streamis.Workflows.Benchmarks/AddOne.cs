using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Benchmarks;

/// <summary>
/// The cheapest activity that still does what real ones do: reads an input and sets an output. What a run of
/// it costs is the engine's own overhead per step.
/// </summary>
[Activity("Benchmarks", "Add one")]
public sealed class AddOne : Activity
{
    [Input(Default = 0)] public Input<long> Value { get; set; } = default!;

    [Output] public Output<long> Result { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Set(Result, context.Get(Value) + 1);
        return new(Done());
    }
}
