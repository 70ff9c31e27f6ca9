using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Waits for a named signal from outside; its payload becomes the output. Optionally gives up after a time-out.</summary>
[Activity("Timers", "Wait for signal", Description = "Waits for a named signal; its payload is the output.", Outcomes = ["Done", "TimedOut"], Icon = "bell")]
public sealed class WaitForSignal : Activity
{
    public const string BookmarkName = "Signal";
    private const string TimeoutName = "SignalTimeout";

    [Input(Description = "The signal name, e.g. approve-restart", Required = true)]
    public Input<string> Signal { get; set; } = default!;

    [Input(Description = "Give up after this long (outcome TimedOut); empty waits forever")]
    public Input<TimeSpan?> Timeout { get; set; } = default!;

    [Output(Description = "What the signal carried")]
    public Output<object?> Payload { get; set; } = default!;

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var signal = context.Get(Signal);
        if (string.IsNullOrWhiteSpace(signal)) return new(Fault("the signal name is empty"));
        context.CreateBookmark(BookmarkName, signal);
        if (context.Get(Timeout) is { } timeout) context.CreateBookmark(TimeoutName, signal, context.Clock.GetUtcNow() + timeout);
        return new(Wait());
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Resumption resumption)
    {
        if (resumption.Name == TimeoutName) return new(Outcome("TimedOut"));
        context.Set(Payload, resumption.Payload);
        return new(Done());
    }
}
