using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>Fails (permanently) while its service is down in <see cref="ServiceOutages"/>; counts its executions.</summary>
[Activity("Test", "Call service")]
public sealed class CallService : Activity
{
    [Input(Required = true)] public Input<string> Service { get; set; } = default!;

    [Output] public Output<string> Answer { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Counters.Increment(context.InstanceId, Id);
        var service = context.Get(Service);
        if (ServiceOutages.IsDown(service)) throw new InvalidOperationException($"{service} is down");
        context.Set(Answer, $"{service} answered");
        return new(Done());
    }
}
