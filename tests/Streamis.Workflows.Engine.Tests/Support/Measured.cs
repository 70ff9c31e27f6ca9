using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>
/// Like <see cref="Slow"/>, but also reports to the <see cref="ConcurrencyGauge"/> while it waits, so a test can
/// read how many ran at once instead of measuring time.
/// </summary>
[Activity("Test", "Measured")]
public sealed class Measured : Activity
{
    [Input(Default = 50)] public Input<int> Milliseconds { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Counters.Increment(context.InstanceId, Id);
        ConcurrencyGauge.Enter(context.InstanceId);
        try
        {
            await Task.Delay(context.Get(Milliseconds), context.CancellationToken);
        }
        finally
        {
            ConcurrencyGauge.Exit(context.InstanceId);
        }
        return Done();
    }
}
