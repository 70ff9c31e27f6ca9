using System.Collections.Concurrent;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Persistence.Tests.Support;

/// <summary>Counts its executions per instance, to prove an activity ran once (or at least once).</summary>
[Activity("Test", "Count")]
public sealed class Count : Activity
{
    public static readonly ConcurrentDictionary<string, int> Executions = new();

    [Output] public Output<long> Seen { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var n = Executions.AddOrUpdate($"{context.InstanceId}/{Id}", 1, (_, v) => v + 1);
        context.Set(Seen, (long)n);
        return new(Done());
    }
}

/// <summary>Takes real time, like a call to an engine; honours cancellation.</summary>
[Activity("Test", "Pause")]
public sealed class Pause : Activity
{
    [Input(Default = 100)] public Input<int> Milliseconds { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await Task.Delay(context.Get(Milliseconds), context.CancellationToken);
        return Done();
    }
}
