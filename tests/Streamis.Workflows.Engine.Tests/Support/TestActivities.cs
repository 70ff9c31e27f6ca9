using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Errors;

namespace Streamis.Workflows.Engine.Tests.Support;

/// <summary>Returns its input as output; counts its executions in the shared <see cref="Counters"/>.</summary>
[Activity("Test", "Echo")]
public sealed class Echo : Activity
{
    [Input] public Input<object?> Value { get; set; } = default!;

    [Output] public Output<object?> Result { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Counters.Increment(context.InstanceId, Id);
        context.Set(Result, context.Get(Value));
        return new(Done());
    }
}

/// <summary>Adds two integers.</summary>
[Activity("Test", "Add")]
public sealed class Add : Activity
{
    [Input(Required = true)] public Input<long> A { get; set; } = default!;

    [Input(Default = 1)] public Input<long> B { get; set; } = default!;

    [Output] public Output<long> Sum { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Set(Sum, context.Get(A) + context.Get(B));
        return new(Done());
    }
}

/// <summary>Fails with a transient (or permanent) error for the first <c>failures</c> attempts, then succeeds.</summary>
[Activity("Test", "Flaky")]
public sealed class Flaky : Activity
{
    [Input] public Input<int> Failures { get; set; } = default!;

    [Input(Default = true)] public Input<bool> Transient { get; set; } = default!;

    [Output] public Output<int> Attempt { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Counters.Increment(context.InstanceId, Id);
        if (context.Attempt <= context.Get(Failures))
        {
            if (context.Get(Transient)) throw new TransientException($"flaky failure {context.Attempt}");
            throw new InvalidOperationException($"permanent failure {context.Attempt}");
        }
        context.Set(Attempt, context.Attempt);
        return new(Done());
    }
}

/// <summary>Awaits real I/O-like time (honours cancellation), so branches overlap.</summary>
[Activity("Test", "Slow")]
public sealed class Slow : Activity
{
    [Input(Default = 50)] public Input<int> Milliseconds { get; set; } = default!;

    [Output] public Output<string> Thread { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Counters.Increment(context.InstanceId, Id);
        await Task.Delay(context.Get(Milliseconds), context.CancellationToken);
        context.Set(Thread, Environment.CurrentManagedThreadId.ToString());
        return Done();
    }
}

/// <summary>Counts executions per instance and activity, for at-least-once / exactly-once assertions.</summary>
public static class Counters
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), int> counts = new();

    public static void Increment(string instanceId, string activityId) => counts.AddOrUpdate((instanceId, activityId), 1, (_, n) => n + 1);

    public static int Of(string instanceId, string activityId) => counts.GetValueOrDefault((instanceId, activityId));
}
